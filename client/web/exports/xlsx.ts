// The matrix as an Excel workbook (exceljs): a frozen header row and unit columns, widths
// fitted to the text. Values are written as text, so nothing in them is a formula.
import ExcelJS from 'exceljs';

export async function toXlsx(sheetName: string, rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dondoc';
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'dondoc', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(...rows.map((r) => (r[i] ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

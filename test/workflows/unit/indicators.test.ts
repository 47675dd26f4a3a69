// The figures a unit submits, checked against the item's form before anything is recorded:
// each problem named with the field's label, in Vietnamese with the English gist, all at once.
import { describe, expect, it } from 'vitest';
import { checkIndicators } from '../../../workflows/assignment/indicators';
import type { IndicatorField } from '../../../workflows/assignment/messages';

const FIELDS: IndicatorField[] = [
  { id: 'tong-so-can-bo', label: 'Tổng số cán bộ', type: 'number', required: true, unit: 'người' },
  { id: 'so-nu', label: 'Số cán bộ nữ', type: 'number', required: false },
  { id: 'xep-loai', label: 'Tự xếp loại', type: 'choice', choices: ['Tốt', 'Khá', 'Trung bình'], required: false },
  { id: 'ghi-chu', label: 'Ghi chú', type: 'text', required: false },
];

const problem = (values: Record<string, number | string>) => {
  try {
    checkIndicators(FIELDS, values);
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
};

describe('checkIndicators', () => {
  it('accepts a complete form, and optional fields left out', () => {
    expect(problem({ 'tong-so-can-bo': 20, 'so-nu': 9, 'xep-loai': 'Tốt', 'ghi-chu': 'Đủ số liệu' })).toBeUndefined();
    expect(problem({ 'tong-so-can-bo': 0 })).toBeUndefined();
  });

  it('refuses a required figure left out or left blank', () => {
    expect(problem({})).toBe('thiếu chỉ tiêu "Tổng số cán bộ" (required)');
    expect(problem({ 'tong-so-can-bo': '' })).toBe('thiếu chỉ tiêu "Tổng số cán bộ" (required)');
  });

  it('refuses a figure that is not a number', () => {
    expect(problem({ 'tong-so-can-bo': '20' })).toBe('chỉ tiêu "Tổng số cán bộ" phải là số (must be a number)');
    expect(problem({ 'tong-so-can-bo': Number.NaN })).toBe('chỉ tiêu "Tổng số cán bộ" phải là số (must be a number)');
    expect(problem({ 'tong-so-can-bo': Number.POSITIVE_INFINITY })).toBe('chỉ tiêu "Tổng số cán bộ" phải là số (must be a number)');
  });

  it('refuses a choice not on the form, listing the allowed ones', () => {
    expect(problem({ 'tong-so-can-bo': 20, 'xep-loai': 'Xuất sắc' })).toBe('chỉ tiêu "Tự xếp loại" phải là một trong: Tốt, Khá, Trung bình');
  });

  it('refuses a text longer than 2,000 characters, and takes one of exactly 2,000', () => {
    expect(problem({ 'tong-so-can-bo': 20, 'ghi-chu': 'x'.repeat(2_001) })).toBe('chỉ tiêu "Ghi chú" quá dài (too long)');
    expect(problem({ 'tong-so-can-bo': 20, 'ghi-chu': 'x'.repeat(2_000) })).toBeUndefined();
  });

  it('refuses a figure the form does not have, by its id', () => {
    expect(problem({ 'tong-so-can-bo': 20, 'so-nam': 11 })).toBe('chỉ tiêu "so-nam" không có trong biểu mẫu (unknown indicator)');
  });

  it('names every problem of a form in one message', () => {
    expect(problem({ 'so-nam': 11, 'so-nu': 'chín' })).toBe(
      'chỉ tiêu "so-nam" không có trong biểu mẫu (unknown indicator); thiếu chỉ tiêu "Tổng số cán bộ" (required); chỉ tiêu "Số cán bộ nữ" phải là số (must be a number)',
    );
  });
});

// The starter a new program begins from: a small program that is valid as it stands (so the
// preview works from the first minute), with the parts every program has — the standing
// office as a unit, a group of member units, the reminders and escalation most offices use,
// and one yearly report — for the clerk to replace piece by piece. Offered as a YAML file to
// download and edit too; the same text is what `dondoc validate` checks.
import { parse } from 'yaml';

export interface StarterHeader {
  id: string;
  title: string;
  year: number;
  issuer: string;
}

const quote = (s: string) => JSON.stringify(s);

export function starterYaml(h: StarterHeader): string {
  return `# Chương trình công tác mới, tạo từ mẫu của dondoc. Thay các giá trị ví dụ (example.org)
# bằng thông tin thật; kiểm tra tệp: npx dondoc validate <tệp>.yaml
program:
  id: ${h.id}
  title: ${quote(h.title)}
  year: ${h.year}
  issuer: ${quote(h.issuer)}
  office: van-phong            # cơ quan thường trực: mã một đơn vị dưới đây
  chair:
    name: Họ và tên Trưởng ban
    title: Trưởng ban
    email: truongban@example.org
  locale: vi
  timezone: Asia/Ho_Chi_Minh

defaults:
  time: "17:00"                # giờ hết hạn nộp
  noticeTime: "08:00"          # giờ gửi thư nhắc, thư báo
  reminders:
    - { workingDays: 3 }       # nhắc trước hạn 3 ngày làm việc
    - { workingDays: 1 }
  escalation:
    - { workingDays: 2, to: unit-head }   # quá hạn 2 ngày làm việc: báo thủ trưởng đơn vị
    - { workingDays: 5, to: chair }       # quá hạn 5 ngày làm việc: báo Trưởng ban

groups:
  - id: thanh-vien
    name: Các cơ quan, đơn vị thành viên

units:
  - id: van-phong
    name: Cơ quan thường trực
    kind: office
    emails: [vanphong@example.org]
  - id: don-vi-mau
    name: Đơn vị mẫu (thay bằng danh sách đơn vị thật)
    kind: department
    emails: [donvi@example.org]
    head: { title: Thủ trưởng đơn vị, email: thutruong@example.org }   # nhận báo cáo vượt cấp
    groups: [thanh-vien]

items:
  - id: bao-cao-nam
    kind: report
    title: Báo cáo tổng kết năm ${h.year}
    short: Báo cáo năm
    assignees: [thanh-vien]
    period: annual             # số liệu từ 15/12 năm trước đến 14/12 (Nghị định 09/2019/NĐ-CP)
    due: { workingDays: 5, after: closing }
`;
}

export function starterDoc(h: StarterHeader): Record<string, unknown> {
  return parse(starterYaml(h)) as Record<string, unknown>;
}

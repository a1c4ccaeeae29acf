import QRCode from 'qrcode';

/*
 * A code's image, rendered by the `qrcode` package (node-qrcode): the link the code stands for, with
 * error correction level M (about 15 % of the modules may be soiled or torn) and the standard quiet
 * zone, as SVG or PNG, and a printable SVG label with the place's name.
 */

const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;
/** The PNG's width in pixels: about 4 cm at 300 dpi, sharp enough to print. */
export const PNG_WIDTH = 512;

/** The code's link as an SVG QR image. */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { ...OPTIONS, type: 'svg' });
}

/** The code's link as a PNG QR image. */
export function qrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { ...OPTIONS, type: 'png', width: PNG_WIDTH });
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** What a printed label shows besides the image. */
export interface QrLabel {
  readonly placeName: string;
  readonly enterpriseName: string | null;
  readonly code: string;
}

/**
 * A printable label (A6-like proportions, 100 × 140 mm): the title 安全隐患码上除, the QR image, the
 * place's name, the enterprise's name and the code spelled out in groups of four (for typing it in
 * when a camera fails).
 */
export async function qrLabelSvg(link: string, label: QrLabel): Promise<string> {
  const image = (await qrSvg(link)).replace(/^<svg /, '<svg x="80" y="150" width="440" height="440" ');
  const spelled = label.code.replace(/(.{4})(?!$)/g, '$1-');
  const text = (y: number, size: number, content: string, weight = 'normal') =>
    `<text x="300" y="${y}" font-size="${size}" font-weight="${weight}" text-anchor="middle" font-family="'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif">${escapeXml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="140mm" viewBox="0 0 600 840">`,
    `<rect width="600" height="840" fill="#ffffff" stroke="#c8102e" stroke-width="12"/>`,
    text(80, 44, '安全隐患码上除', 'bold'),
    text(126, 24, '扫码举报安全隐患 · 业主扫码月度自查'),
    image,
    text(650, 34, label.placeName, 'bold'),
    label.enterpriseName && label.enterpriseName !== label.placeName ? text(700, 22, label.enterpriseName) : '',
    text(770, 26, spelled),
    `</svg>`,
  ].join('');
}

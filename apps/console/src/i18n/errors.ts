import { ApiError } from '../api/client';
import type { Language } from './i18n';

/** The API's typed error codes in words; the API's own message follows for detail. */
const CODES: Record<string, { zh: string; en: string }> = {
  UNAUTHENTICATED: { zh: '登录已失效，请重新登录。', en: 'Your session has ended: sign in again.' },
  FORBIDDEN: { zh: '您没有执行此操作的权限。', en: 'You do not have the permission for this.' },
  NOT_FOUND: { zh: '找不到该记录，或它不在您的管理范围内。', en: 'Not found, or outside what you administer.' },
  BAD_USER_INPUT: { zh: '输入有误。', en: 'Some input is not valid.' },
  CONFLICT: { zh: '该记录已被他人修改，请刷新后重试。', en: 'Someone else changed this record: reload and try again.' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests: try again shortly.' },
  UNAVAILABLE: { zh: '平台暂时不可用，请稍后再试。', en: 'The platform is unavailable for now: try again shortly.' },
  NETWORK_ERROR: { zh: '无法连接平台。', en: 'The platform cannot be reached.' },
};

/** An error as the console shows it: the code in words, then the API's message (which names the field and rule). */
export function errorText(error: unknown, language: Language): string {
  if (error instanceof ApiError) {
    const words = CODES[error.code]?.[language] ?? (language === 'zh' ? `请求失败（${error.code}）。` : `The request failed (${error.code}).`);
    const fields = error.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return `${words} ${fields || error.message}`;
  }
  return language === 'zh' ? '发生意外错误。' : 'Something unexpected happened.';
}

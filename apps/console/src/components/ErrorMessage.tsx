import { errorText } from '../i18n/errors';
import { useLanguage } from '../i18n/i18n';

/** An API error in words (its typed code, then the API's message naming the field and rule), announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { language } = useLanguage();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {errorText(error, language)}
    </p>
  );
}

import type { PageLocale } from '../pages/messages.ts';

/** What the OpenID Connect pages say, per locale. `{client}` is the client's registered name. */
export interface OidcPageText {
  readonly consentTitle: string;
  /** Before the list of what is asked. */
  readonly consentIntro: string;
  readonly scopes: Readonly<Record<'openid' | 'phone' | 'profile' | 'offline_access', string>>;
  readonly allow: string;
  readonly deny: string;
  readonly signedInAs: string;
  readonly logoutTitle: string;
  readonly logoutQuestion: string;
  readonly logoutYes: string;
  readonly logoutNo: string;
  readonly loggedOutTitle: string;
  readonly loggedOut: string;
  readonly errorTitle: string;
  readonly errorText: string;
  readonly otherLanguage: string;
}

const fa: OidcPageText = {
  consentTitle: 'اجازهٔ ورود',
  consentIntro: '{client} می‌خواهد با حساب شما وارد شود و این‌ها را ببیند:',
  scopes: {
    openid: 'شناسهٔ حساب شما',
    phone: 'شمارهٔ موبایل شما',
    profile: 'نام، نام کاربری و عکس تلگرام شما (اگر دارید)',
    offline_access: 'دسترسی تا وقتی که خودتان خارج شوید، حتی وقتی اینجا نیستید',
  },
  allow: 'اجازه می‌دهم',
  deny: 'اجازه نمی‌دهم',
  signedInAs: 'وارد شده با {phone}',
  logoutTitle: 'خروج',
  logoutQuestion: 'از حساب خود در این سرویس خارج می‌شوید؟',
  logoutYes: 'بله، خارج شو',
  logoutNo: 'نه، وارد بمانم',
  loggedOutTitle: 'خارج شدید',
  loggedOut: 'از حساب خود خارج شدید. می‌توانید این صفحه را ببندید.',
  errorTitle: 'ورود انجام نشد',
  errorText: 'این درخواست ورود معتبر نیست یا منقضی شده است. به سایتی که از آن آمدید برگردید و دوباره تلاش کنید.',
  otherLanguage: 'English',
};

const en: OidcPageText = {
  consentTitle: 'Allow sign-in',
  consentIntro: '{client} wants to sign you in with your account and see:',
  scopes: {
    openid: 'your account id',
    phone: 'your mobile number',
    profile: 'your Telegram name, username and photo (if you have them)',
    offline_access: 'access until you sign out, even when you are not here',
  },
  allow: 'Allow',
  deny: 'Deny',
  signedInAs: 'Signed in as {phone}',
  logoutTitle: 'Sign out',
  logoutQuestion: 'Sign out of your account on this service?',
  logoutYes: 'Yes, sign me out',
  logoutNo: 'No, stay signed in',
  loggedOutTitle: 'Signed out',
  loggedOut: 'You are signed out. You can close this page.',
  errorTitle: 'Sign-in failed',
  errorText: 'This sign-in request is not valid or has expired. Go back to the site you came from and try again.',
  otherLanguage: 'فارسی',
};

export const OIDC_PAGE_TEXT: Readonly<Record<PageLocale, OidcPageText>> = { fa, en };

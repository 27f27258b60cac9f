// Shows why the last sign-in failed (the gateway redirects here with ?failed=…).
const reasons = {
  code: '登录链接无效、已使用或已过期，请重新获取。',
  token: '令牌无效或已过期。',
  'local-only': '一次性登录链接仅用于本地环境，请使用令牌登录。',
};
const failed = new URLSearchParams(location.search).get('failed');
if (failed && reasons[failed]) {
  const p = document.getElementById('failed');
  p.textContent = reasons[failed];
  p.hidden = false;
}

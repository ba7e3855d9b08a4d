// The login page: posts name and password, then opens the console. The language chosen here is kept for the
// session.
import { api } from './http.js';
import { applyTexts, currentLanguage, setLanguage } from './i18n.js';
import { byId } from './dom.js';

function start() {
  const saved = localStorage.getItem('moneytree.lang');
  setLanguage(saved || ((navigator.language || '').startsWith('zh') ? 'zh' : 'en'));
  applyTexts();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => {
      setLanguage(button.dataset.lang);
      localStorage.setItem('moneytree.lang', button.dataset.lang);
      applyTexts();
    });
  }
  byId('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = byId('login-error');
    error.hidden = true;
    try {
      await api('POST', '/api/login', {
        name: byId('login-name').value,
        password: byId('login-password').value,
        lang: currentLanguage(),
      });
      window.location.assign('/index.html');
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    }
  });
}

start();

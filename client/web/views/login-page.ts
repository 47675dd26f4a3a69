// The office's and the chair's sign-in form.
import { html } from '../html';
import { layout, type Frame } from './layout';
import { csrfField, flash } from './parts';

export interface LoginView {
  csrf: string;
  next: string;
  username?: string;
  error?: string;
  message?: string;
}

export function loginPage(frame: Frame, view: LoginView): string {
  const { t } = frame;
  return layout(
    frame,
    t.login.title,
    html`<h1>${t.login.title}</h1>
    ${flash(view.message)}
    ${view.error ? html`<p class="alert" role="alert">${view.error}</p>` : ''}
    <div class="card">
    <p class="muted">${t.login.intro}</p>
    <form method="post" action="/login">
      ${csrfField(view.csrf)}<input type="hidden" name="next" value="${view.next}">
      <label for="username">${t.login.username}</label>
      <input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${view.username ?? ''}">
      <label for="password">${t.login.password}</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
      <button type="submit">${t.login.submit}</button>
    </form></div>`,
  );
}

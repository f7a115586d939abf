import { el, typed } from './dom';
import { phoneId, randomId, roomGet, roomPost, sendAnswer, type PhoneState, type RoomReply } from './phone-api';
import { promptFields, type AnswerValue } from './phone-prompts';
import { availableLanguages, chooseLanguage, currentLanguage, loadWords, t, type PhoneLanguage } from './phone-words';

/**
 * The participant page a phone opens from the QR code: pick a language, type the code (the QR code
 * brings it in the address), check in by name or stay anonymous, then answer the one question the
 * facilitator has open. It sees nothing else of the initiative: the room server has nothing else.
 */
const root = document.getElementById('phone')!;
const languageKey = 'commonground.room.language';
const phone = phoneId();
let code = '';
let shown = '';
let polling = false;

const show = (...nodes: Node[]) => root.replaceChildren(...nodes);
const button = (label: string, onClick: () => void, primary = false) => {
  const element = el('button', { type: 'button', ...(primary ? { class: 'primary' } : {}) }, label);
  element.addEventListener('click', onClick);
  return element;
};

const refusalWords: Record<string, string> = {
  wrong_code: 'roomPhone.wrongCode',
  prompt_closed: 'roomPhone.closed',
  prompt_gone: 'roomPhone.gone',
  rate_limited: 'roomPhone.slowDown',
  network: 'roomPhone.network',
  room_full: 'roomPhone.full',
};
const refusal = (reply: RoomReply<unknown>) =>
  reply.ok ? '' : t(refusalWords[reply.error.code] ?? 'roomPhone.refused');

function languageScreen(): void {
  const languages = availableLanguages();
  show(
    el(
      'h1',
      {},
      ...languages.flatMap((language, index) => [
        index > 0 ? ' · ' : '',
        el(
          'span',
          { lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' },
          t('roomPhone.pickLanguage', {}, language),
        ),
      ]),
    ),
    el(
      'div',
      { class: 'stack' },
      ...languages.map((language: PhoneLanguage) => {
        const choice = button(t('roomPhone.languageName', {}, language), () => {
          localStorage.setItem(languageKey, language);
          chooseLanguage(language);
          void joinScreen();
        });
        choice.lang = language;
        return choice;
      }),
    ),
  );
}

function changeLanguage(): HTMLElement {
  return button(t('roomPhone.changeLanguage'), () => {
    localStorage.removeItem(languageKey);
    polling = false;
    languageScreen();
  });
}

function codeScreen(problem = ''): void {
  const input = el('input', {
    id: 'code',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
  });
  input.value = code;
  const form = el(
    'form',
    { class: 'stack' },
    el('label', { for: 'code' }, t('roomPhone.codeLabel')),
    input,
    el('button', { type: 'submit', class: 'primary' }, t('roomPhone.join')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    code = input.value.trim();
    void joinScreen();
  });
  show(
    el('h1', {}, t('roomPhone.codeTitle')),
    el('p', {}, t('roomPhone.codeHelp')),
    ...(problem ? [el('p', { class: 'problem', role: 'alert' }, problem)] : []),
    form,
    changeLanguage(),
  );
}

async function joinScreen(): Promise<void> {
  if (!code) return codeScreen();
  const reply = await roomGet<{ names: { id: string; name: string }[] }>('/r/names', code);
  if (!reply.ok) return codeScreen(refusal(reply));
  sessionStorage.setItem('commonground.room.code', code);
  if (sessionStorage.getItem(`commonground.room.checkedIn.${code}`)) return startPolling();
  const checkIn = async (nameId: string | null) => {
    const answer = await roomPost('/r/check-in', code, { phoneId: phone, nameId });
    if (!answer.ok) return codeScreen(refusal(answer));
    sessionStorage.setItem(`commonground.room.checkedIn.${code}`, '1');
    startPolling();
  };
  show(
    el('h1', {}, t('roomPhone.checkInTitle')),
    el('p', {}, t('roomPhone.checkInHelp')),
    el(
      'div',
      { class: 'stack' },
      button(t('roomPhone.stayAnonymous'), () => void checkIn(null), true),
      ...reply.value.names.map((entry) => {
        const choice = el('button', { type: 'button' }, t('roomPhone.iAm'), ' ', typed(entry.name));
        choice.addEventListener('click', () => void checkIn(entry.id));
        return choice;
      }),
    ),
  );
}

function startPolling(): void {
  shown = '';
  if (polling) return;
  polling = true;
  const tick = async () => {
    if (!polling) return;
    // The language picks the texts of a readiness round's items.
    const reply = await roomGet<PhoneState>(`/r/state?phone=${phone}&lang=${currentLanguage()}`, code);
    if (!polling) return;
    if (reply.ok) render(reply.value);
    else if (reply.error.code === 'wrong_code') {
      polling = false;
      return codeScreen(refusal(reply));
    } else setNote(refusal(reply), true);
    setTimeout(() => void tick(), 2000);
  };
  void tick();
}

function setNote(text: string, problem = false): void {
  const note = document.getElementById('note');
  if (!note) return;
  note.textContent = text;
  note.className = text ? (problem ? 'problem' : 'note') : '';
}

/** Draws the prompt only when it changes, so polling never wipes what someone is choosing. */
function render(state: PhoneState): void {
  const prompt = state.prompt;
  const key = prompt ? `${prompt.id}:${prompt.open}` : 'none';
  if (key === shown) return;
  shown = key;
  const who = el(
    'p',
    { class: 'who' },
    ...(state.name ? [t('roomPhone.as'), ' ', typed(state.name)] : [t('roomPhone.anonymous')]),
  );
  const note = el('p', { id: 'note', role: 'status' });
  if (!prompt) return show(who, el('h1', {}, t('roomPhone.waiting')), note, changeLanguage());
  const heading = el('h1', {}, typed(prompt.question));
  if (!prompt.open) return show(who, heading, el('p', { class: 'note' }, t('roomPhone.closed')), changeLanguage());
  const { fields, read } = promptFields(prompt, prompt.kind === 'ideas' ? null : (state.answer as AnswerValue | null));
  const send = el(
    'button',
    { type: 'submit', class: 'primary' },
    t(prompt.kind === 'ideas' ? 'roomPhone.sendIdea' : 'roomPhone.send'),
  );
  const form = el('form', { class: 'stack' }, fields, send);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = read(form);
    if (typeof value === 'string') return setNote(value, true);
    // Cleared first, so "counted" is only ever about this press.
    setNote('');
    send.disabled = true;
    void sendAnswer(code, { phoneId: phone, promptId: prompt.id, answerId: randomId(16), value }).then((reply) => {
      send.disabled = false;
      if (!reply.ok) return setNote(refusal(reply), true);
      if (prompt.kind === 'ideas') {
        form.reset();
        form.querySelector('textarea')!.value = '';
        return setNote(t('roomPhone.ideaSent'));
      }
      send.textContent = t('roomPhone.change');
      setNote(t('roomPhone.counted'));
    });
  });
  if (state.answer && prompt.kind !== 'ideas') send.textContent = t('roomPhone.change');
  show(who, heading, form, note, changeLanguage());
}

async function start(): Promise<void> {
  await loadWords();
  const fromAddress = decodeURIComponent(location.hash.slice(1));
  code = /^[A-Za-z0-9 -]{4,16}$/.test(fromAddress)
    ? fromAddress
    : (sessionStorage.getItem('commonground.room.code') ?? '');
  const saved = localStorage.getItem(languageKey);
  const language = availableLanguages().find((entry) => entry === saved);
  if (!language) return languageScreen();
  chooseLanguage(language);
  await joinScreen();
}

void start();

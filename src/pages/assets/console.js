// What every admin console page shares, on top of common.js (otpgatePage): calls to the admin API with the staff
// member's access token (handed over in data-token; it lives only in this page), the page's sentences, and small
// builders of elements. Each page's own script (console-<page>.js) calls otpConsole.ready(fn) to fill #content.
(function () {
  'use strict';
  var page = window.otpgatePage;
  var root = document.getElementById('console');
  var text = JSON.parse(root.getAttribute('data-text'));
  var token = root.getAttribute('data-token');
  var locale = page.locale;
  var digits = page.digits;
  var alertBox = document.getElementById('alert');
  var content = document.getElementById('content');

  function say(message) {
    alertBox.textContent = message || '';
  }
  function sayError(body) {
    say(page.errorText(text, body));
  }

  /** { ok, status, body }; an error is said on the page, and a network failure answers ok: false. */
  function api(method, path, body) {
    return page.call(method, path, body, token).then(
      function (res) {
        if (!res.ok) sayError(res.body);
        return res;
      },
      function () {
        say(text.network);
        return { ok: false, status: 0, body: null };
      },
    );
  }

  /** An element: el('td', { class: 'x' }, ['text', otherElement]). Text is always text, never HTML. */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === undefined || value === null || value === false) return;
      node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === undefined || child === null) return;
      node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    });
    return node;
  }

  /**
   * A table: columns [{ title, cell(row) → string | Node }], with a caption for screen readers. With
   * `{ stack: true }` each row becomes a card of labelled lines on a phone (the labels are the columns').
   */
  function table(caption, columns, rows, options) {
    var stack = Boolean(options && options.stack);
    if (rows.length === 0) return el('p', { class: 'muted' }, [text.empty]);
    var head = el(
      'tr',
      {},
      columns.map(function (column) {
        return el('th', { scope: 'col' }, [column.title]);
      }),
    );
    var body = rows.map(function (row) {
      return el(
        'tr',
        {},
        columns.map(function (column) {
          return el('td', stack ? { 'data-label': column.title } : {}, [column.cell(row)]);
        }),
      );
    });
    return el('div', { class: stack ? 'table stack' : 'table' }, [
      el('table', {}, [
        el('caption', { class: 'visually-hidden' }, [caption]),
        el('thead', {}, [head]),
        el('tbody', {}, body),
      ]),
    ]);
  }

  /** A time as the reader's locale writes it (Persian calendar and digits on the fa page). */
  function when(value) {
    if (value === null || value === undefined) return '';
    var date = typeof value === 'number' ? new Date(value) : new Date(String(value));
    return date.toLocaleString(locale === 'fa' ? 'fa-IR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** A sentence with its {name}s replaced by values, numbers in the page's digits. */
  function format(sentence, values) {
    return String(sentence).replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? digits(values[name]) : whole;
    });
  }

  /** Puts `nodes` in #content; a null or undefined among them (a part a role does not see) is left out. */
  function fill(nodes) {
    var shown = [].concat(nodes).filter(function (node) {
      return node !== null && node !== undefined;
    });
    content.replaceChildren.apply(content, shown);
  }

  var scopes = (root.getAttribute('data-scopes') || '').split(' ');
  /** Whether the role holds `scope`: what it lacks is shown disabled, and the API refuses it anyway. */
  function can(scope) {
    return scopes.indexOf(scope) !== -1;
  }

  /**
   * Asks before something that cannot be undone, in a modal <dialog> (focus stays in it, Escape says no,
   * "no" has the focus first); resolves true for yes.
   */
  function confirmAction(question, yes, no) {
    return new Promise(function (resolve) {
      var noButton = el('button', { type: 'button', class: 'secondary', autofocus: true }, [no]);
      var yesButton = el('button', { type: 'button', class: 'danger' }, [yes]);
      var sentence = el('p', { id: 'confirm-question' }, [question]);
      var dialog = el('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-question' }, [
        sentence,
        el('div', { class: 'actions' }, [noButton, yesButton]),
      ]);
      var answered = false;
      function answer(value) {
        if (answered) return;
        answered = true;
        dialog.close();
        dialog.remove();
        resolve(value);
      }
      noButton.addEventListener('click', function () {
        answer(false);
      });
      yesButton.addEventListener('click', function () {
        answer(true);
      });
      dialog.addEventListener('close', function () {
        answer(false);
      });
      document.body.append(dialog);
      dialog.showModal();
      noButton.focus();
    });
  }

  // On a phone the navigation is a row that scrolls: the current page is brought into it.
  var current = document.querySelector('nav a[aria-current="page"]');
  if (current) current.scrollIntoView({ block: 'nearest', inline: 'nearest' });

  window.otpConsole = {
    locale: locale,
    text: text,
    id: root.getAttribute('data-id'),
    api: api,
    digits: digits,
    say: say,
    sayError: sayError,
    can: can,
    confirm: confirmAction,
    el: el,
    table: table,
    when: when,
    format: format,
    fill: fill,
    ready: function (start) {
      start(window.otpConsole);
    },
  };
})();

// What every admin console page shares: calls to the admin API with the staff member's access token (handed
// over in data-token; it lives only in this page), the page's sentences, Persian digits, and small builders of
// elements. Each page's own script (console-<page>.js) calls otpConsole.ready(fn) to fill #content.
(function () {
  'use strict';
  var root = document.getElementById('console');
  var text = JSON.parse(root.getAttribute('data-text'));
  var token = root.getAttribute('data-token');
  var locale = document.documentElement.lang;
  var alertBox = document.getElementById('alert');
  var content = document.getElementById('content');

  function digits(value) {
    var s = String(value);
    return locale === 'fa'
      ? s.replace(/[0-9]/g, function (d) {
          return '۰۱۲۳۴۵۶۷۸۹'.charAt(Number(d));
        })
      : s;
  }
  function say(message) {
    alertBox.textContent = message || '';
  }
  function sayError(body) {
    var code = body && body.code;
    say((code && text.errors[code]) || (body && body.message) || text.generic);
  }

  /** { ok, status, body }; a network failure is said on the page and answers ok: false. */
  function api(method, path, body) {
    var headers = { authorization: 'Bearer ' + token, 'accept-language': locale };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, {
      method: method,
      headers: headers,
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(
      function (res) {
        return res.json().then(
          function (json) {
            if (!res.ok) sayError(json);
            return { ok: res.ok, status: res.status, body: json };
          },
          function () {
            say(text.generic);
            return { ok: false, status: res.status, body: null };
          },
        );
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

  function fill(nodes) {
    content.replaceChildren.apply(content, [].concat(nodes));
  }

  window.otpConsole = {
    locale: locale,
    text: text,
    id: root.getAttribute('data-id'),
    api: api,
    digits: digits,
    say: say,
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

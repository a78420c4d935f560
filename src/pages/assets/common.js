// What every hosted page's script uses: calls to the JSON API, the page's digits, sentences with parts filled
// in, the error sentence of an answer, a resend countdown. Loaded before the page's own script.
(function () {
  'use strict';
  var locale = document.documentElement.lang;
  // Marks of direction and zero-width characters a pasted number may carry.
  var INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

  function digits(value) {
    var s = String(value);
    return locale === 'fa'
      ? s.replace(/[0-9]/g, function (d) {
          return '۰۱۲۳۴۵۶۷۸۹'.charAt(Number(d));
        })
      : s;
  }

  function fill(template, name, value) {
    return template.split('{' + name + '}').join(value);
  }

  /**
   * Puts `template` into `element` with `{name}` as a number read left to right in its own <bdi>, so that
   * a Persian sentence does not turn `+98 912...` around.
   */
  function fillNumber(element, template, name, number) {
    var parts = template.split('{' + name + '}');
    var bdi = document.createElement('bdi');
    bdi.dir = 'ltr';
    bdi.textContent = digits(String(number).replace(INVISIBLE, ''));
    element.textContent = '';
    element.append(parts[0], bdi, parts[1] || '');
  }

  /** The sentence for an error answer: its code's, else the generic one. */
  function errorText(text, body) {
    var code = body && body.code;
    return (code && text.errors[code]) || text.generic;
  }

  /**
   * One call to this origin: resolves with `{ok, status, body}` (body null when the answer is not JSON) and
   * rejects only when no answer came. `token`: the page's access token, sent as Bearer; `signal` stops it.
   */
  function call(method, url, body, token, signal) {
    var headers = { 'accept-language': locale };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(url, {
      method: method,
      signal: signal,
      credentials: 'same-origin',
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(
        function (json) {
          return { ok: res.ok, status: res.status, body: json };
        },
        function () {
          return { ok: false, status: res.status, body: null };
        },
      );
    });
  }

  /** While a form's call is out, its submit button cannot send it again. */
  function busy(form, on) {
    var buttons = form.querySelectorAll('button[type=submit]');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  /**
   * Keeps `button` disabled for `seconds` (the API's resend_in), saying how long is left in `text.resendIn`;
   * then it says `text.resend`. Returns a function that stops the count.
   */
  function countdown(button, seconds, text) {
    var until = Date.now() + seconds * 1000;
    var timer = null;
    function tick() {
      var left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(timer);
        button.disabled = false;
        button.textContent = text.resend;
        return;
      }
      button.disabled = true;
      button.textContent = fill(text.resendIn, 'seconds', digits(left));
    }
    tick();
    timer = setInterval(tick, 1000);
    return function () {
      clearInterval(timer);
    };
  }

  window.otpgatePage = {
    locale: locale,
    digits: digits,
    fill: fill,
    fillNumber: fillNumber,
    errorText: errorText,
    call: call,
    busy: busy,
    countdown: countdown,
  };
})();

// The hosted sign-in page: asks for a code (POST /api/v1/otp/phone/login/request), then signs in with it
// (POST /login/session), which keeps the session in the pages' HttpOnly cookie: this script never holds a token.
// Signing in through the Telegram bot is telegram.js; Log In With Telegram is a plain link.
(function () {
  'use strict';
  var root = document.getElementById('login');
  var text = JSON.parse(root.getAttribute('data-text'));
  var locale = document.documentElement.lang;
  var returnTo = root.getAttribute('data-return-to');
  var byId = function (id) {
    return document.getElementById(id);
  };
  var alertBox = byId('alert');
  var phoneStep = byId('phone-step');
  var codeStep = byId('code-step');
  var phoneInput = byId('phone');
  var codeInput = byId('code');
  var resendButton = byId('resend');
  // The ways in with Telegram, when offered: beside the first step only.
  var telegram = byId('telegram');
  var phone = '';
  var countdown = null;
  var webOtp = null;

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
  function say(message) {
    alertBox.textContent = message || '';
  }
  function sayError(body) {
    var code = body && body.code;
    say((code && text.errors[code]) || text.generic);
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'accept-language': locale },
      body: JSON.stringify(body),
    }).then(function (res) {
      return res.json().then(
        function (json) {
          return { ok: res.ok, body: json };
        },
        function () {
          return { ok: false, body: null };
        },
      );
    });
  }

  function busy(form, on) {
    var buttons = form.querySelectorAll('button[type=submit]');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function startCountdown(seconds) {
    clearInterval(countdown);
    var until = Date.now() + seconds * 1000;
    function tick() {
      var left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(countdown);
        resendButton.disabled = false;
        resendButton.textContent = text.resend;
        return;
      }
      resendButton.disabled = true;
      resendButton.textContent = fill(text.resendIn, 'seconds', digits(left));
    }
    tick();
    countdown = setInterval(tick, 1000);
  }

  // Chrome on Android reads the code from an SMS that ends with "@host #code": the code is filled in and sent.
  function listenForSms() {
    if (!('OTPCredential' in window) || !window.AbortController) return;
    if (webOtp) webOtp.abort();
    webOtp = new AbortController();
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: webOtp.signal })
      .then(function (otp) {
        if (!otp || !otp.code) return;
        codeInput.value = otp.code;
        codeStep.requestSubmit ? codeStep.requestSubmit() : verify();
      })
      .catch(function () {});
  }

  function requestCode(form) {
    say('');
    busy(form, true);
    return post('/api/v1/otp/phone/login/request', { phone_number: phone })
      .then(function (res) {
        if (!res.ok) return sayError(res.body);
        phoneStep.hidden = true;
        codeStep.hidden = false;
        if (telegram) telegram.hidden = true;
        var shown = digits(phone.replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, ''));
        var sent = byId('code-sent');
        sent.textContent = '';
        var parts = text.codeSent.split('{phone}');
        var number = document.createElement('bdi');
        number.dir = 'ltr';
        number.textContent = shown;
        sent.append(parts[0], number, parts[1] || '');
        startCountdown(res.body.resend_in || 0);
        codeInput.value = '';
        codeInput.focus();
        listenForSms();
      })
      .catch(function () {
        say(text.network);
      })
      .then(function () {
        busy(form, false);
      });
  }

  function verify() {
    say('');
    busy(codeStep, true);
    return post('/login/session', { phone_number: phone, code: codeInput.value })
      .then(function (res) {
        if (!res.ok) {
          sayError(res.body);
          codeInput.focus();
          codeInput.select();
          return;
        }
        if (webOtp) webOtp.abort();
        clearInterval(countdown);
        codeStep.hidden = true;
        byId('done').hidden = false;
        byId('done-text').textContent = returnTo ? text.signedIn + ' ' + text.redirecting : text.signedIn;
        if (returnTo && /^\/(?![/\\])/.test(returnTo)) window.location.assign(returnTo);
      })
      .catch(function () {
        say(text.network);
      })
      .then(function () {
        busy(codeStep, false);
      });
  }

  phoneStep.addEventListener('submit', function (event) {
    event.preventDefault();
    phone = phoneInput.value.trim();
    requestCode(phoneStep);
  });
  codeStep.addEventListener('submit', function (event) {
    event.preventDefault();
    verify();
  });
  resendButton.addEventListener('click', function () {
    requestCode(codeStep);
  });
  byId('change').addEventListener('click', function () {
    if (webOtp) webOtp.abort();
    clearInterval(countdown);
    say('');
    codeStep.hidden = true;
    phoneStep.hidden = false;
    if (telegram) telegram.hidden = false;
    phoneInput.focus();
  });

  phoneStep.hidden = false;
  if (telegram) telegram.hidden = false;
  phoneInput.focus();
})();

// The hosted sign-in page: asks for a code (POST /api/v1/otp/phone/login/request), then signs in with it
// (POST /login/session), which keeps the session in the pages' HttpOnly cookie: this script never holds a token.
// Signing in through the Telegram bot is telegram.js; Log In With Telegram is a plain link.
(function () {
  'use strict';
  var page = window.otpgatePage;
  var root = document.getElementById('login');
  var text = JSON.parse(root.getAttribute('data-text'));
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
  var stopCountdown = function () {};
  var webOtp = null;

  function say(message) {
    alertBox.textContent = message || '';
  }
  function sayError(body) {
    say(page.errorText(text, body));
  }
  function startCountdown(seconds) {
    stopCountdown();
    stopCountdown = page.countdown(resendButton, seconds, text);
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
    page.busy(form, true);
    return page
      .call('POST', '/api/v1/otp/phone/login/request', { phone_number: phone })
      .then(function (res) {
        if (!res.ok) return sayError(res.body);
        phoneStep.hidden = true;
        codeStep.hidden = false;
        if (telegram) telegram.hidden = true;
        page.fillNumber(byId('code-sent'), text.codeSent, 'phone', phone);
        startCountdown(res.body.resend_in || 0);
        codeInput.value = '';
        codeInput.focus();
        listenForSms();
      })
      .catch(function () {
        say(text.network);
      })
      .then(function () {
        page.busy(form, false);
      });
  }

  function verify() {
    say('');
    page.busy(codeStep, true);
    return page
      .call('POST', '/login/session', { phone_number: phone, code: codeInput.value })
      .then(function (res) {
        if (!res.ok) {
          sayError(res.body);
          codeInput.focus();
          codeInput.select();
          return;
        }
        if (webOtp) webOtp.abort();
        stopCountdown();
        codeStep.hidden = true;
        byId('done').hidden = false;
        byId('done-text').textContent = returnTo ? text.signedIn + ' ' + text.redirecting : text.signedIn;
        if (returnTo && /^\/(?![/\\])/.test(returnTo)) window.location.assign(returnTo);
      })
      .catch(function () {
        say(text.network);
      })
      .then(function () {
        page.busy(codeStep, false);
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
    stopCountdown();
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

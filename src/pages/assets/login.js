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
  // The longest resend wait (OTP_RESEND_SECONDS) a refusal can be: longer ones are the hourly limits.
  var RESEND_WAIT_AT_MOST = 120;

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
        // Asked again within the resend wait (the page was reloaded, or went back): the code sent before
        // still works, so the code step shows, counting down to when a new one may be asked for.
        var wait = res.body && res.body.code === 'RATE_LIMITED' ? res.body.retry_after : 0;
        var earlier = !res.ok && form === phoneStep && wait > 0 && wait <= RESEND_WAIT_AT_MOST;
        if (!res.ok && !earlier) return sayError(res.body);
        phoneStep.hidden = true;
        codeStep.hidden = false;
        if (telegram) telegram.hidden = true;
        page.fillNumber(byId('code-sent'), earlier ? text.codeSentEarlier : text.codeSent, 'phone', phone);
        startCountdown(earlier ? wait : res.body.resend_in || 0);
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

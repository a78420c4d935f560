// Sign-in through the Telegram bot on the hosted sign-in page: asks for a t.me link (POST
// /api/v1/telegram/login/link), shows it as a QR code on a computer or as a button that opens Telegram on a phone,
// and polls POST /login/telegram/poll until the person confirms or cancels in Telegram. The poll keeps the session
// in the pages' HttpOnly cookie: this script never holds a token.
(function () {
  'use strict';
  var page = window.otpgatePage;
  var byId = function (id) {
    return document.getElementById(id);
  };
  var root = byId('login');
  var box = byId('tg-link');
  var text = JSON.parse(root.getAttribute('data-text'));
  var tg = JSON.parse(box.getAttribute('data-text'));
  var returnTo = root.getAttribute('data-return-to');
  var alertBox = byId('alert');
  var startButton = byId('tg-bot');
  var qr = byId('tg-qr');
  var openButton = byId('tg-open');
  var openHere = byId('tg-open-here');
  var newCode = byId('tg-new');
  // A phone cannot scan its own screen: there the link opens Telegram instead.
  var phone = window.matchMedia('(pointer: coarse)').matches;
  // Each start counts up: the answers of an earlier start's polls (after a new code or Cancel) are dropped.
  var run = 0;
  // The poll held now: stopped on Cancel or a new code, and the server then takes no session for it.
  var held = null;

  function say(message) {
    alertBox.textContent = message || '';
  }
  function sayError(body) {
    say(page.errorText(text, body));
  }
  function status(message) {
    byId('tg-say').textContent = message;
  }

  function post(url, body, signal) {
    return page.call('POST', url, body, undefined, signal);
  }

  // The other ways in are out of sight while this one runs, so that one is followed at a time.
  function showLink(on) {
    box.hidden = !on;
    startButton.hidden = on;
    byId('phone-step').hidden = on;
    byId('tg-or').hidden = on;
    var login = byId('tg-login');
    if (login) login.hidden = on;
  }

  function stop() {
    run++;
    if (held) held.abort();
    held = null;
  }

  function start() {
    stop();
    var mine = run;
    say('');
    startButton.disabled = newCode.disabled = true;
    post('/api/v1/telegram/login/link', {})
      .then(function (res) {
        if (mine !== run) return;
        if (!res.ok) return sayError(res.body);
        showLink(true);
        newCode.hidden = true;
        // The server's SVG, as an image: it cannot run anything there, and nothing is parsed into the page.
        qr.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(res.body.qr_svg);
        qr.hidden = phone;
        openButton.href = openHere.href = res.body.url;
        openButton.hidden = !phone;
        openHere.hidden = phone;
        status(phone ? tg.tap : tg.scan);
        (phone ? openButton : byId('tg-title')).focus();
        poll(mine, res.body.poll_secret);
      })
      .catch(function () {
        say(text.network);
      })
      .then(function () {
        startButton.disabled = newCode.disabled = false;
      });
  }

  function poll(mine, secret) {
    held = new AbortController();
    post('/login/telegram/poll', { poll_secret: secret, wait: 25 }, held.signal).then(
      function (res) {
        if (mine !== run) return;
        say('');
        if (!res.ok) {
          sayError(res.body);
          return over('');
        }
        var state = res.body.status;
        if (state === 'pending') return poll(mine, secret);
        if (state === 'signed_in') return signedIn();
        over(tg[state] || '');
      },
      function () {
        // A long poll cut by the network: said, then tried again while the link lives.
        if (mine !== run) return;
        say(text.network);
        setTimeout(function () {
          if (mine === run) poll(mine, secret);
        }, 3000);
      },
    );
  }

  // Expired, cancelled or used: the code is gone; a new one is a button away.
  function over(message) {
    stop();
    qr.hidden = openButton.hidden = openHere.hidden = true;
    qr.removeAttribute('src');
    status(message);
    newCode.hidden = false;
    newCode.focus();
  }

  function signedIn() {
    stop();
    byId('telegram').hidden = true;
    byId('done').hidden = false;
    byId('done-text').textContent = returnTo ? text.signedIn + ' ' + text.redirecting : text.signedIn;
    if (returnTo && /^\/(?![/\\])/.test(returnTo)) window.location.assign(returnTo);
  }

  startButton.addEventListener('click', start);
  newCode.addEventListener('click', start);
  byId('tg-back').addEventListener('click', function () {
    stop();
    say('');
    showLink(false);
    byId('phone').focus();
  });
})();

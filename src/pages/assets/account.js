// The hosted account page. Everything goes through the JSON API with the access token the server put in
// data-token: the number (GET /api/v1/auth/me, POST /api/v1/otp/phone/change/request and /confirm), the
// sessions (/api/v1/auth/sessions, /logout-all), Telegram (/api/v1/telegram/link/start, DELETE /link) and the
// alerts (/api/v1/alerts). Signing out is the page's form (POST /logout).
(function () {
  'use strict';
  var page = window.otpgatePage;
  var root = document.getElementById('account');
  var text = JSON.parse(root.getAttribute('data-text'));
  var token = root.getAttribute('data-token');
  var botOn = root.getAttribute('data-telegram') === 'on';
  var openedAt = Date.now();
  var byId = function (id) {
    return document.getElementById(id);
  };
  var me = null;
  var currentSessionId = null;

  // ---- messages, per section

  function say(section, message, isError) {
    section.querySelector('.alert').textContent = isError ? message : '';
    section.querySelector('.status').textContent = isError ? '' : message || '';
  }
  function sayError(section, answer) {
    say(section, page.errorText(text, answer && answer.body), true);
  }

  /**
   * A call with the page's token. UNAUTHORIZED: the token has lapsed (it is short-lived) or the session
   * ended; loading the page again gives a fresh token, or the sign-in page when the session is gone. Not
   * within a few seconds of opening, so that a token refused at once cannot make the page reload forever.
   */
  function api(method, url, body) {
    return page.call(method, url, body, token).then(function (answer) {
      if (answer.status === 401 && answer.body && answer.body.code === 'UNAUTHORIZED') {
        if (Date.now() - openedAt > 5000) window.location.reload();
      }
      return answer;
    });
  }

  /** Runs `work` (a call) with the form busy; a call that got no answer says so in the section. */
  function during(section, form, work) {
    if (form) page.busy(form, true);
    return work()
      .catch(function () {
        say(section, text.network, true);
      })
      .then(function () {
        if (form) page.busy(form, false);
      });
  }

  function formatTime(iso) {
    var options = { dateStyle: 'medium', timeStyle: 'short' };
    try {
      return new Intl.DateTimeFormat(page.locale === 'fa' ? 'fa-IR' : 'en-GB', options).format(new Date(iso));
    } catch (e) {
      return page.digits(iso);
    }
  }
  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(page.locale === 'fa' ? 'fa-IR' : 'en-GB', { dateStyle: 'medium' }).format(
        new Date(iso),
      );
    } catch (e) {
      return page.digits(iso);
    }
  }

  /** An Iranian number as its holder writes it (0912 345 6789); any other as E.164. */
  function national(e164) {
    var m = /^\+98(\d{3})(\d{3})(\d{4})$/.exec(e164 || '');
    return m ? '0' + m[1] + ' ' + m[2] + ' ' + m[3] : e164;
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // ---- the number

  var phoneSection = byId('phone-section');
  var changeOpen = byId('change-open');
  var phoneStep = byId('change-phone-step');
  var codeStep = byId('change-code-step');
  var reauthBox = byId('reauth');
  var reauthSendStep = byId('reauth-send-step');
  var reauthCodeStep = byId('reauth-code-step');
  var newPhoneInput = byId('new-phone');
  var changeCode = byId('change-code');
  var reauthCode = byId('reauth-code');
  var newPhone = '';
  var stopCountdown = function () {};

  function showPhone() {
    var now = byId('phone-now');
    if (me.phone_number) {
      var number = element('bdi', null, page.digits(national(me.phone_number)));
      number.dir = 'ltr';
      now.textContent = '';
      now.append(number);
    } else {
      now.textContent = text.noPhone;
    }
  }

  /** One of the steps of the change, or none (only the number and its button). */
  function phoneShows(step) {
    stopCountdown();
    phoneStep.hidden = step !== phoneStep;
    codeStep.hidden = step !== codeStep;
    reauthBox.hidden = step !== reauthSendStep && step !== reauthCodeStep;
    reauthSendStep.hidden = step !== reauthSendStep;
    reauthCodeStep.hidden = step !== reauthCodeStep;
    changeOpen.hidden = step !== null;
  }

  function requestChangeCode(form) {
    say(phoneSection, '');
    return during(phoneSection, form, function () {
      return api('POST', '/api/v1/otp/phone/change/request', { phone_number: newPhone }).then(function (answer) {
        if (answer.ok) {
          phoneShows(codeStep);
          page.fillNumber(byId('change-code-sent'), text.codeSentTo, 'phone', newPhone);
          stopCountdown = page.countdown(byId('change-resend'), answer.body.resend_in || 0, text);
          changeCode.value = '';
          changeCode.focus();
        } else if (answer.body && answer.body.code === 'REAUTH_REQUIRED') {
          askToSignInAgain();
        } else {
          sayError(phoneSection, answer);
        }
      });
    });
  }

  function confirmChange() {
    say(phoneSection, '');
    return during(phoneSection, codeStep, function () {
      var body = { phone_number: newPhone, code: changeCode.value };
      return api('POST', '/api/v1/otp/phone/change/confirm', body).then(function (answer) {
        if (answer.ok) {
          // The answer's user has no Telegram part: that did not change.
          me = Object.assign({}, answer.body.user, { telegram: me.telegram });
          phoneShows(null);
          showPhone();
          page.fillNumber(phoneSection.querySelector('.status'), text.phoneChanged, 'phone', national(me.phone_number));
          changeOpen.focus();
          // The change ended every other session.
          loadSessions();
        } else if (answer.body && answer.body.code === 'REAUTH_REQUIRED') {
          askToSignInAgain();
        } else {
          sayError(phoneSection, answer);
          changeCode.focus();
          changeCode.select();
        }
      });
    });
  }

  // The session signed in too long ago to change the number: sign in again here, with a code to the number
  // the account has, as the sign-in page does. The new sign-in replaces this page's session (its cookie),
  // the old one is ended, and the page loads again with the change open.
  function askToSignInAgain() {
    phoneShows(reauthSendStep);
    var button = reauthSendStep.querySelector('button[type=submit]');
    if (me.phone_number) {
      page.fillNumber(byId('reauth-text'), text.reauth, 'phone', national(me.phone_number));
    } else {
      // No number to text a code to (a Telegram sign-in): sign out here and in again on /login, which comes back.
      byId('reauth-text').textContent = text.reauthNoNumber;
      button.textContent = text.reauthSignIn;
    }
    button.focus();
  }

  function signOutAndBack() {
    return page.call('POST', '/logout').then(
      function () {
        window.location.assign('/login?return_to=' + encodeURIComponent('/account#change'));
      },
      function () {
        say(phoneSection, text.network);
      },
    );
  }

  function requestSignInCode(form) {
    say(phoneSection, '');
    return during(phoneSection, form, function () {
      return page
        .call('POST', '/api/v1/otp/phone/login/request', { phone_number: me.phone_number })
        .then(function (answer) {
          if (!answer.ok) return sayError(phoneSection, answer);
          phoneShows(reauthCodeStep);
          reauthBox.hidden = false;
          stopCountdown = page.countdown(byId('reauth-resend'), answer.body.resend_in || 0, text);
          reauthCode.value = '';
          reauthCode.focus();
        });
    });
  }

  function signInAgain() {
    say(phoneSection, '');
    var previous = token;
    return during(phoneSection, reauthCodeStep, function () {
      var body = { phone_number: me.phone_number, code: reauthCode.value };
      return page.call('POST', '/login/session', body).then(function (answer) {
        if (!answer.ok) {
          sayError(phoneSection, answer);
          reauthCode.focus();
          reauthCode.select();
          return;
        }
        // The old session is of no more use: end it, so it is not left in the list. Whatever it answers, the
        // cookie now holds the new one.
        var ended = currentSessionId
          ? page.call('DELETE', '/api/v1/auth/sessions/' + encodeURIComponent(currentSessionId), undefined, previous)
          : Promise.resolve();
        return ended
          .catch(function () {})
          .then(function () {
            window.location.hash = 'change';
            window.location.reload();
          });
      });
    });
  }

  changeOpen.addEventListener('click', function () {
    say(phoneSection, '');
    phoneShows(phoneStep);
    newPhoneInput.focus();
  });
  phoneStep.addEventListener('submit', function (event) {
    event.preventDefault();
    newPhone = newPhoneInput.value.trim();
    requestChangeCode(phoneStep);
  });
  codeStep.addEventListener('submit', function (event) {
    event.preventDefault();
    confirmChange();
  });
  byId('change-resend').addEventListener('click', function () {
    requestChangeCode(codeStep);
  });
  reauthSendStep.addEventListener('submit', function (event) {
    event.preventDefault();
    if (me.phone_number) requestSignInCode(reauthSendStep);
    else signOutAndBack();
  });
  reauthCodeStep.addEventListener('submit', function (event) {
    event.preventDefault();
    signInAgain();
  });
  byId('reauth-resend').addEventListener('click', function () {
    requestSignInCode(reauthCodeStep);
  });
  var cancels = phoneSection.querySelectorAll('.cancel');
  for (var c = 0; c < cancels.length; c++) {
    cancels[c].addEventListener('click', function () {
      say(phoneSection, '');
      phoneShows(null);
      changeOpen.focus();
    });
  }

  // ---- sessions

  var sessionsSection = byId('sessions-section');
  var endOthers = byId('end-others');

  function deviceName(device) {
    if (device.browser && device.os) {
      return page.fill(page.fill(text.deviceOn, 'browser', device.browser), 'os', device.os);
    }
    return device.browser || device.os || text.unknownDevice;
  }

  function showSessions(sessions) {
    var list = byId('sessions');
    list.textContent = '';
    var others = 0;
    // This device first; the others as the API lists them, latest used first.
    var ordered = sessions.filter(function (s) {
      return s.current;
    });
    ordered = ordered.concat(
      sessions.filter(function (s) {
        return !s.current;
      }),
    );
    ordered.forEach(function (session) {
      var item = element('li', session.current ? 'current' : null);
      var name = element('p', 'name', deviceName(session.device));
      if (session.current) {
        currentSessionId = session.id;
        name.append(' ', element('span', 'badge', text.thisDevice));
      } else {
        others += 1;
      }
      item.append(name);
      item.append(element('p', 'hint', page.fill(text.lastUsed, 'time', formatTime(session.last_used_at))));
      if (session.ip) {
        var address = element('p', 'hint', text.ip + ' ');
        var ip = element('bdi', null, page.digits(session.ip));
        ip.dir = 'ltr';
        address.append(ip);
        item.append(address);
      }
      // Ending this device's session is signing out: the sign-out form does it, and clears the cookie.
      var end = element('button', 'small', session.current ? text.signOut : text.endSession);
      if (session.current) {
        end.type = 'submit';
        end.setAttribute('form', 'sign-out');
      } else {
        end.type = 'button';
        end.addEventListener('click', function () {
          endSession(session.id, end);
        });
      }
      item.append(end);
      list.append(item);
    });
    endOthers.hidden = others === 0;
    if (others === 0 && !sessionsSection.querySelector('.status').textContent) {
      list.append(element('li', 'hint', text.noOtherSessions));
    }
  }

  function loadSessions() {
    return api('GET', '/api/v1/auth/sessions').then(function (answer) {
      sessionsSection.hidden = false;
      if (!answer.ok) return sayError(sessionsSection, answer);
      showSessions(answer.body.sessions);
    });
  }

  function endSession(id, button) {
    say(sessionsSection, '');
    button.disabled = true;
    return during(sessionsSection, null, function () {
      return api('DELETE', '/api/v1/auth/sessions/' + encodeURIComponent(id)).then(function (answer) {
        if (answer.ok) say(sessionsSection, text.sessionEnded);
        else sayError(sessionsSection, answer);
        return loadSessions().then(function () {
          endOthers.hidden ? byId('sessions-title').focus() : endOthers.focus();
        });
      });
    }).then(function () {
      button.disabled = false;
    });
  }

  endOthers.addEventListener('click', function () {
    say(sessionsSection, '');
    endOthers.disabled = true;
    during(sessionsSection, null, function () {
      return api('POST', '/api/v1/auth/logout-all', {}).then(function (answer) {
        if (answer.ok) say(sessionsSection, text.othersEnded);
        else sayError(sessionsSection, answer);
        return loadSessions();
      });
    }).then(function () {
      endOthers.disabled = false;
      byId('sessions-title').focus();
    });
  });

  // ---- Telegram

  var telegramSection = byId('telegram-section');
  var linkButton = byId('telegram-link');
  var unlinkButton = byId('telegram-unlink');
  var started = byId('telegram-started');
  var watch = null;

  function telegramName(telegram) {
    if (telegram.username) return '@' + telegram.username;
    var name = [telegram.first_name, telegram.last_name].filter(Boolean).join(' ');
    return name || page.digits(telegram.id);
  }

  function showTelegram() {
    var state = byId('telegram-state');
    if (me.telegram) {
      var parts = text.telegramLinked.split('{name}');
      var name = element('bdi', 'value', telegramName(me.telegram));
      state.textContent = '';
      state.append(parts[0], name, parts[1] || '');
    } else {
      state.textContent = text.telegramNotLinked;
    }
    linkButton.hidden = !!me.telegram || !botOn;
    unlinkButton.hidden = !me.telegram;
    // Without the bot there is nothing to offer an account with no Telegram.
    telegramSection.hidden = !me.telegram && !botOn;
  }

  function stopWatching() {
    clearInterval(watch);
    watch = null;
  }

  /** Until the link is opened in Telegram, or it expires: is Telegram linked now? */
  function watchForLink(expiresIn) {
    stopWatching();
    var until = Date.now() + expiresIn * 1000;
    watch = setInterval(function () {
      if (Date.now() >= until) {
        stopWatching();
        started.hidden = true;
        linkButton.hidden = false;
        say(telegramSection, text.telegramExpired, true);
        return;
      }
      api('GET', '/api/v1/auth/me').then(
        function (answer) {
          if (!answer.ok || !answer.body.user.telegram || watch === null) return;
          stopWatching();
          me = answer.body.user;
          started.hidden = true;
          showTelegram();
          say(telegramSection, text.telegramJustLinked);
          unlinkButton.focus();
        },
        function () {},
      );
    }, 2000);
  }

  linkButton.addEventListener('click', function () {
    say(telegramSection, '');
    linkButton.disabled = true;
    during(telegramSection, null, function () {
      return api('POST', '/api/v1/telegram/link/start', {}).then(function (answer) {
        if (!answer.ok) return sayError(telegramSection, answer);
        byId('telegram-url').href = answer.body.url;
        byId('telegram-qr').src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(answer.body.qr_svg);
        var minutes = Math.round(answer.body.expires_in / 60);
        byId('telegram-expires').textContent = page.fill(text.telegramExpires, 'minutes', page.digits(minutes));
        started.hidden = false;
        linkButton.hidden = true;
        byId('telegram-url').focus();
        watchForLink(answer.body.expires_in);
      });
    }).then(function () {
      linkButton.disabled = false;
    });
  });

  unlinkButton.addEventListener('click', function () {
    say(telegramSection, '');
    unlinkButton.disabled = true;
    during(telegramSection, null, function () {
      return api('DELETE', '/api/v1/telegram/link').then(function (answer) {
        if (!answer.ok && !(answer.body && answer.body.code === 'NOT_FOUND')) {
          return sayError(telegramSection, answer);
        }
        me.telegram = null;
        showTelegram();
        say(telegramSection, text.telegramUnlinked);
        (linkButton.hidden ? byId('telegram-title') : linkButton).focus();
      });
    }).then(function () {
      unlinkButton.disabled = false;
    });
  });

  // ---- alerts

  var alertsSection = byId('alerts-section');

  function showAlerts(alerts) {
    var list = byId('alerts');
    list.textContent = '';
    var active = alerts.filter(function (alert) {
      return alert.status === 'active';
    });
    active.forEach(function (alert) {
      var item = element('li');
      var name = element('p', 'name');
      var product = element('bdi', null, alert.product_name || alert.product_id);
      name.append(product);
      if (alert.variant_id) name.append(' (' + page.fill(text.alertVariant, 'variant', alert.variant_id) + ')');
      item.append(name);
      var channel = alert.channel === 'telegram' ? text.alertViaTelegram : text.alertViaSms;
      item.append(
        element('p', 'hint', channel + ' · ' + page.fill(text.alertSince, 'date', formatDate(alert.created_at))),
      );
      var cancel = element('button', 'small', text.alertCancel);
      cancel.type = 'button';
      // The product's name tells a screen reader which alert the button cancels.
      cancel.setAttribute('aria-label', text.alertCancel + ': ' + (alert.product_name || alert.product_id));
      cancel.addEventListener('click', function () {
        cancelAlert(alert.id, cancel);
      });
      item.append(cancel);
      list.append(item);
    });
    byId('no-alerts').hidden = active.length > 0;
  }

  function loadAlerts() {
    // Active alerts come first: one page of them is what the page shows.
    return api('GET', '/api/v1/alerts?limit=100').then(function (answer) {
      alertsSection.hidden = false;
      if (!answer.ok) return sayError(alertsSection, answer);
      showAlerts(answer.body.alerts);
    });
  }

  function cancelAlert(id, button) {
    say(alertsSection, '');
    button.disabled = true;
    during(alertsSection, null, function () {
      return api('DELETE', '/api/v1/alerts/' + encodeURIComponent(id)).then(function (answer) {
        if (answer.ok) say(alertsSection, text.alertCancelled);
        else sayError(alertsSection, answer);
        return loadAlerts().then(function () {
          byId('alerts-title').focus();
        });
      });
    }).then(function () {
      button.disabled = false;
    });
  }

  // ---- start

  // Headings take the focus after their section's list changed under it (tabindex -1: not in the Tab order).
  ['sessions-title', 'telegram-title', 'alerts-title'].forEach(function (id) {
    byId(id).setAttribute('tabindex', '-1');
  });

  api('GET', '/api/v1/auth/me')
    .then(function (answer) {
      byId('loading').hidden = true;
      if (!answer.ok) {
        phoneSection.hidden = false;
        return sayError(phoneSection, answer);
      }
      me = answer.body.user;
      showPhone();
      phoneSection.hidden = false;
      showTelegram();
      if (window.location.hash === '#change') {
        // Back from signing in again: the change goes on where it stopped.
        history.replaceState(null, '', window.location.pathname + window.location.search);
        phoneShows(phoneStep);
        say(phoneSection, text.reauthDone);
        newPhoneInput.focus();
      }
    })
    .catch(function () {
      byId('loading').textContent = text.network;
    });
  loadSessions().catch(function () {});
  loadAlerts().catch(function () {});
})();

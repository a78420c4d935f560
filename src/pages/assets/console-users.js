// The console's users page. /admin/users looks users up by a number in any form a person types (Persian
// digits, 0912..., +98...) or by the shop's id, and lists the newest; /admin/users/<id> is one user, with
// block, unblock and sign-out-everywhere (GET/POST /api/v1/admin/users...).
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var BASE = '/api/v1/admin/users';
  var mayWrite = c.can('users:write');

  function number(user) {
    return user.phone_number === null ? t.noNumber : el('bdi', { dir: 'ltr' }, [c.digits(user.phone_number)]);
  }
  function state(user) {
    return user.blocked_at === null ? t.active : t.blocked;
  }

  /** A number is digits of any script with + ( ) - and spaces; anything else is the shop's id. */
  function queryOf(typed) {
    var ascii = typed.replace(/[۰-۹]/g, function (d) {
      return String(d.charCodeAt(0) - 0x06f0);
    });
    ascii = ascii.replace(/[٠-٩]/g, function (d) {
      return String(d.charCodeAt(0) - 0x0660);
    });
    if (/^[+\d\s()\-\u200e\u200f]+$/.test(ascii) && /\d/.test(ascii))
      return 'phone_number=' + encodeURIComponent(typed);
    return 'external_id=' + encodeURIComponent(typed);
  }

  function showList() {
    var input = el('input', { id: 'find', name: 'q', type: 'search', dir: 'auto', autocomplete: 'off' });
    var form = el('form', { class: 'filters', role: 'search' }, [
      el('div', {}, [el('label', { for: 'find' }, [t.find]), input]),
      el('button', { type: 'submit' }, [t.search]),
    ]);
    var results = el('div', {});
    var more = el('button', { type: 'button', class: 'secondary', hidden: true }, [t.more]);
    var query = '';
    var cursor = null;
    var rows = [];

    function render() {
      results.replaceChildren(
        c.table(
          t.title,
          [
            {
              title: t.number,
              cell: function (user) {
                return el('a', { href: '/admin/users/' + encodeURIComponent(user.id) }, [number(user)]);
              },
            },
            {
              title: t.externalId,
              cell: function (user) {
                return user.external_id === null ? '' : el('bdi', { dir: 'ltr' }, [user.external_id]);
              },
            },
            { title: t.state, cell: state },
            {
              title: t.lastLogin,
              cell: function (user) {
                return c.when(user.last_login_at);
              },
            },
          ],
          rows,
        ),
      );
    }
    function load(reset) {
      c.say('');
      var path = BASE + '?limit=20' + (query ? '&' + query : '') + (cursor && !reset ? '&cursor=' + cursor : '');
      c.api('GET', path).then(function (res) {
        if (!res.ok) return;
        rows = (reset ? [] : rows).concat(res.body.users);
        cursor = res.body.next_cursor && encodeURIComponent(res.body.next_cursor);
        more.hidden = !cursor;
        render();
      });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var typed = input.value.trim();
      query = typed === '' ? '' : queryOf(typed);
      load(true);
    });
    more.addEventListener('click', function () {
      load(false);
    });
    c.fill([form, results, el('div', { class: 'actions' }, [more])]);
    load(true);
  }

  function showUser(id) {
    var status = el('p', { class: 'status', role: 'status' });
    var details = el('div', {});
    function act(path, done) {
      c.say('');
      status.textContent = '';
      return c.api('POST', BASE + '/' + encodeURIComponent(id) + path).then(function (res) {
        if (!res.ok) return;
        if (res.body.user) render(res.body.user);
        status.textContent = done.replace('{count}', c.digits(res.body.sessions_ended || 0));
      });
    }
    function render(user) {
      var blocked = user.blocked_at !== null;
      var toggle = el('button', { type: 'button', class: blocked ? '' : 'danger', disabled: !mayWrite }, [
        blocked ? t.unblock : t.block,
      ]);
      var signOut = el('button', { type: 'button', class: 'secondary', disabled: !mayWrite }, [t.signOutAll]);
      var erase = el('button', { type: 'button', class: 'danger', disabled: !mayWrite }, [t.erase]);
      erase.addEventListener('click', function () {
        c.confirm(t.eraseQuestion, t.erase, t.cancel).then(function (yes) {
          if (!yes) return;
          c.say('');
          c.api('DELETE', BASE + '/' + encodeURIComponent(id)).then(function (res) {
            if (!res.ok) return;
            c.fill([
              el('p', { class: 'status', role: 'status' }, [t.erased]),
              el('p', {}, [el('a', { href: '/admin/users' }, [t.back])]),
            ]);
          });
        });
      });
      toggle.addEventListener('click', function () {
        if (blocked) return void act('/unblock', t.unblocked);
        c.confirm(t.blockQuestion, t.block, t.cancel).then(function (yes) {
          if (yes) act('/block', t.blockedDone);
        });
      });
      signOut.addEventListener('click', function () {
        c.confirm(t.signOutQuestion, t.signOutAll, t.cancel).then(function (yes) {
          if (yes) act('/sign-out', t.signedOut);
        });
      });
      var facts = [
        [t.number, number(user)],
        [t.externalId, user.external_id === null ? '—' : el('bdi', { dir: 'ltr' }, [user.external_id])],
        [t.state, state(user) + (blocked ? ' · ' + c.when(user.blocked_at) : '')],
        [t.verified, user.phone_verified ? t.yes : t.no],
        [t.language, user.locale || '—'],
        [t.created, c.when(user.created_at)],
        [t.lastLogin, c.when(user.last_login_at) || '—'],
        [t.id, el('bdi', { dir: 'ltr' }, [user.id])],
      ];
      details.replaceChildren(
        el('div', {}, [
          el(
            'dl',
            { class: 'facts card' },
            facts.flatMap(function (fact) {
              return [el('dt', {}, [fact[0]]), el('dd', {}, [fact[1]])];
            }),
          ),
          mayWrite ? null : el('p', { class: 'notice' }, [t.readOnly]),
          el('div', { class: 'actions' }, [toggle, signOut, erase]),
        ]),
      );
    }
    c.api('GET', BASE + '/' + encodeURIComponent(id)).then(function (res) {
      if (!res.ok) return void c.fill(el('p', {}, [el('a', { href: '/admin/users' }, [t.back])]));
      render(res.body.user);
      c.fill([el('p', {}, [el('a', { href: '/admin/users' }, [t.back])]), details, status]);
    });
  }

  if (c.id === null) showList();
  else showUser(c.id);
});

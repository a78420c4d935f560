// The console's API keys page: every key, revoked ones included, never a secret (GET /api/v1/admin/keys), and
// revoking one after a question (POST /api/v1/admin/keys/<id>/revoke), which also cancels what it queued.
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var mayWrite = c.can('keys:write');
  var status = el('p', { class: 'status', role: 'status' });

  function ltr(value) {
    return el('bdi', { dir: 'ltr' }, [value]);
  }

  function revoke(key) {
    c.confirm(t.revokeQuestion.replace('{name}', key.name), t.revoke, t.cancel).then(function (yes) {
      if (!yes) return;
      c.say('');
      c.api('POST', '/api/v1/admin/keys/' + encodeURIComponent(key.id) + '/revoke').then(function (res) {
        if (!res.ok) return;
        load(t.revoked.replace('{name}', key.name).replace('{count}', c.digits(res.body.cancelled)));
      });
    });
  }

  function load(said) {
    c.api('GET', '/api/v1/admin/keys').then(function (res) {
      if (!res.ok) return;
      status.textContent = said || '';
      c.fill([
        mayWrite ? null : el('p', { class: 'notice' }, [t.readOnly]),
        c.table(
          t.title,
          [
            {
              title: t.name,
              cell: function (key) {
                return el('span', { dir: 'auto' }, [key.name]);
              },
            },
            {
              title: t.prefix,
              cell: function (key) {
                return el('code', {}, [ltr(key.prefix + '…')]);
              },
            },
            {
              title: t.scopes,
              cell: function (key) {
                return ltr(key.scopes.join(' '));
              },
            },
            {
              title: t.lastUsed,
              cell: function (key) {
                return c.when(key.last_used_at) || '—';
              },
            },
            {
              title: t.state,
              cell: function (key) {
                if (key.revoked_at !== null) return t.revokedAt.replace('{when}', c.when(key.revoked_at));
                var button = el('button', { type: 'button', class: 'danger', disabled: !mayWrite }, [t.revoke]);
                button.setAttribute('aria-label', t.revoke + ' ' + key.name);
                button.addEventListener('click', function () {
                  revoke(key);
                });
                return el('span', { class: 'actions' }, [t.activeKey, button]);
              },
            },
          ],
          res.body.keys,
        ),
        status,
      ]);
    });
  }
  load();
});

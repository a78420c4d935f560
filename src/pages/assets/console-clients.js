// The console's OpenID Connect clients page: the registered clients (never a secret), registering one (its
// secret is shown here once, as the API answers it once) and disabling one after a question
// (GET/POST/DELETE /api/v1/admin/oidc/clients).
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var BASE = '/api/v1/admin/oidc/clients';
  var mayWrite = c.can('clients:write');
  var created = el('div', {});
  var list = el('div', {});

  function ltr(value) {
    return el('bdi', { dir: 'ltr' }, [value]);
  }
  function lines(values) {
    return el(
      'span',
      {},
      values.map(function (value, i) {
        return el('span', {}, [i > 0 ? el('br') : null, ltr(value)]);
      }),
    );
  }

  function disable(client) {
    c.confirm(t.disableQuestion.replace('{name}', client.name), t.disable, t.cancel).then(function (yes) {
      if (!yes) return;
      c.say('');
      c.api('DELETE', BASE + '/' + encodeURIComponent(client.client_id)).then(function (res) {
        if (res.ok) load();
      });
    });
  }

  function load() {
    c.api('GET', BASE).then(function (res) {
      if (!res.ok) return;
      list.replaceChildren(
        c.table(
          t.title,
          [
            {
              title: t.name,
              cell: function (client) {
                return el('span', { dir: 'auto' }, [client.name]);
              },
            },
            {
              title: t.clientId,
              cell: function (client) {
                return el('code', {}, [ltr(client.client_id)]);
              },
            },
            {
              title: t.redirects,
              cell: function (client) {
                return lines(client.redirect_uris);
              },
            },
            {
              title: t.kind,
              cell: function (client) {
                return (client.public ? t.public : t.confidential) + (client.first_party ? ' · ' + t.firstParty : '');
              },
            },
            {
              title: t.state,
              cell: function (client) {
                if (client.disabled_at !== null) return t.disabledAt.replace('{when}', c.when(client.disabled_at));
                var button = el('button', { type: 'button', class: 'danger', disabled: !mayWrite }, [t.disable]);
                button.setAttribute('aria-label', t.disable + ' ' + client.name);
                button.addEventListener('click', function () {
                  disable(client);
                });
                return el('span', { class: 'actions' }, [t.enabled, button]);
              },
            },
          ],
          res.body.clients,
        ),
      );
    });
  }

  function registerForm() {
    var name = el('input', { id: 'client-name', name: 'name', required: true, maxlength: 100, class: 'wide' });
    var uris = el('textarea', { id: 'client-uris', name: 'redirect_uris', dir: 'ltr', required: true, rows: 3 });
    var firstParty = el('input', { id: 'client-first', type: 'checkbox' });
    var isPublic = el('input', { id: 'client-public', type: 'checkbox' });
    var form = el('form', { class: 'card', 'aria-labelledby': 'register-title' }, [
      el('h2', { id: 'register-title' }, [t.register]),
      el('label', { for: 'client-name' }, [t.name]),
      name,
      el('label', { for: 'client-uris' }, [t.redirects]),
      el('p', { class: 'muted', id: 'client-uris-hint' }, [t.redirectsHint]),
      uris,
      el('label', { class: 'check' }, [firstParty, t.firstPartyLabel]),
      el('label', { class: 'check' }, [isPublic, t.publicLabel]),
      el('div', { class: 'actions' }, [el('button', { type: 'submit' }, [t.registerButton])]),
    ]);
    uris.setAttribute('aria-describedby', 'client-uris-hint');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      c.say('');
      var body = {
        name: name.value.trim(),
        redirect_uris: uris.value.split(/\s+/).filter(Boolean),
        first_party: firstParty.checked,
        public: isPublic.checked,
      };
      c.api('POST', BASE, body).then(function (res) {
        if (!res.ok) return;
        form.reset();
        var client = res.body.client;
        var secret = res.body.client_secret;
        created.replaceChildren(
          el('section', { class: 'card', 'aria-labelledby': 'created-title' }, [
            el('h2', { id: 'created-title', tabindex: '-1' }, [t.created.replace('{name}', client.name)]),
            el('dl', { class: 'facts' }, [
              el('dt', {}, [t.clientId]),
              el('dd', {}, [el('code', { id: 'new-client-id' }, [ltr(client.client_id)])]),
              secret === null ? null : el('dt', {}, [t.secret]),
              secret === null
                ? null
                : el('dd', {}, [el('code', { class: 'secret', id: 'new-client-secret', dir: 'ltr' }, [secret])]),
            ]),
            el('p', { class: 'notice' }, [secret === null ? t.noSecret : t.secretOnce]),
          ]),
        );
        created.querySelector('h2').focus();
        load();
      });
    });
    return form;
  }

  c.fill([created, list, mayWrite ? registerForm() : el('p', { class: 'notice' }, [t.readOnly])]);
  load();
});

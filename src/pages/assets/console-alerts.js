// The console's back-in-stock alerts page: alerts filtered by product, customer and status
// (GET /api/v1/admin/alerts), for one product its subscribers per variant and its restocks
// (GET /api/v1/admin/products/<id>/alerts and /restocks), and cancelling an alert after a question
// (DELETE /api/v1/admin/alerts/<id>).
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var mayWrite = c.can('alerts:write');
  var status = el('p', { class: 'status', role: 'status' });
  var product = el('div', { id: 'product-summary' });
  var results = el('div', { id: 'alert-list' });
  var more = el('button', { type: 'button', class: 'secondary', hidden: true }, [t.more]);
  var rows = [];
  var cursor = null;
  var query = '';

  function ltr(value) {
    return el('bdi', { dir: 'ltr' }, [value]);
  }
  var STATES = { active: t.active, notified: t.notified, cancelled: t.cancelled };

  function field(id, label, input) {
    return el('div', {}, [el('label', { for: id }, [label]), input]);
  }
  var productInput = el('input', { id: 'product', name: 'product_id', dir: 'auto', maxlength: 100 });
  var customerInput = el('input', { id: 'customer', name: 'customer', dir: 'auto', maxlength: 128 });
  var stateInput = el('select', { id: 'status', name: 'status' }, [
    el('option', { value: '' }, [t.any]),
    el('option', { value: 'active' }, [t.active]),
    el('option', { value: 'notified' }, [t.notified]),
    el('option', { value: 'cancelled' }, [t.cancelled]),
  ]);
  var form = el('form', { class: 'filters', role: 'search' }, [
    field('product', t.productId, productInput),
    field('customer', t.customer, customerInput),
    field('status', t.state, stateInput),
    el('button', { type: 'submit' }, [t.search]),
  ]);

  /** A number (digits of any script, +, spaces) or else the shop's id for the customer. */
  function customerQuery(typed) {
    var ascii = typed.replace(/[۰-۹]/g, function (d) {
      return String(d.charCodeAt(0) - 0x06f0);
    });
    var isNumber = /^[+\d\s()\-]+$/.test(ascii) && /\d/.test(ascii);
    return (isNumber ? '&phone_number=' : '&external_id=') + encodeURIComponent(typed);
  }

  function cancel(alert) {
    c.confirm(
      t.cancelQuestion.replace('{product}', alert.product_name || alert.product_id),
      t.cancelAlert,
      t.keep,
    ).then(function (yes) {
      if (!yes) return;
      c.say('');
      c.api('DELETE', '/api/v1/admin/alerts/' + encodeURIComponent(alert.id)).then(function (res) {
        if (!res.ok) return;
        rows = rows.map(function (row) {
          return row.id === alert.id ? res.body.alert : row;
        });
        status.textContent = t.cancelledDone;
        render();
      });
    });
  }

  function render() {
    results.replaceChildren(
      c.table(
        t.title,
        [
          {
            title: t.product,
            cell: function (alert) {
              var name = alert.product_name ? el('span', { dir: 'auto' }, [alert.product_name, ' · ']) : null;
              var variant = alert.variant_id === null ? null : el('span', {}, [' / ', ltr(alert.variant_id)]);
              return el('span', {}, [name, ltr(alert.product_id), variant]);
            },
          },
          {
            title: t.channel,
            cell: function (alert) {
              return (alert.channel === 'sms' ? t.sms : t.telegram) + ' · ' + c.when(alert.created_at);
            },
          },
          {
            title: t.state,
            cell: function (alert) {
              var when = alert.status === 'notified' ? alert.notified_at : alert.cancelled_at;
              return STATES[alert.status] + (when ? ' · ' + c.when(when) : '');
            },
          },
          {
            title: t.user,
            cell: function (alert) {
              return el('a', { href: '/admin/users/' + encodeURIComponent(alert.user_id) }, [t.openUser]);
            },
          },
          {
            title: t.actions,
            cell: function (alert) {
              if (alert.status !== 'active') return '';
              var button = el('button', { type: 'button', class: 'danger', disabled: !mayWrite }, [t.cancelShort]);
              button.setAttribute('aria-label', t.cancelAlert + ' ' + (alert.product_name || alert.product_id));
              button.addEventListener('click', function () {
                cancel(alert);
              });
              return button;
            },
          },
        ],
        rows,
      ),
    );
  }

  function load(reset) {
    c.say('');
    var path = '/api/v1/admin/alerts?limit=20' + query + (cursor && !reset ? '&cursor=' + cursor : '');
    c.api('GET', path).then(function (res) {
      if (!res.ok) return;
      rows = (reset ? [] : rows).concat(res.body.alerts);
      cursor = res.body.next_cursor && encodeURIComponent(res.body.next_cursor);
      more.hidden = !cursor;
      render();
    });
  }

  /** One product's subscribers per variant, and its restocks with what came of them. */
  function showProduct(id) {
    product.replaceChildren();
    if (!id) return;
    var base = '/api/v1/admin/products/' + encodeURIComponent(id);
    Promise.all([c.api('GET', base + '/alerts'), c.api('GET', base + '/restocks')]).then(function (answers) {
      if (!answers[0].ok || !answers[1].ok) return;
      product.replaceChildren(
        el('h2', {}, [t.subscribers]),
        c.table(
          t.subscribers,
          [
            {
              title: t.variant,
              cell: function (v) {
                return v.variant_id === null ? '—' : ltr(v.variant_id);
              },
            },
            {
              title: t.waiting,
              cell: function (v) {
                return (
                  c.digits(v.active.total) +
                  ' (' +
                  t.sms +
                  ' ' +
                  c.digits(v.active.sms) +
                  '، ' +
                  t.telegram +
                  ' ' +
                  c.digits(v.active.telegram) +
                  ')'
                );
              },
            },
            {
              title: t.notified,
              cell: function (v) {
                return c.digits(v.notified);
              },
            },
            {
              title: t.cancelled,
              cell: function (v) {
                return c.digits(v.cancelled);
              },
            },
          ],
          answers[0].body.variants,
        ),
        el('h2', {}, [t.restocks]),
        c.table(
          t.restocks,
          [
            {
              title: t.created,
              cell: function (r) {
                return c.when(r.created_at);
              },
            },
            {
              title: t.quantity,
              cell: function (r) {
                return c.digits(r.quantity);
              },
            },
            {
              title: t.outcome,
              cell: function (r) {
                return t.outcomeLine
                  .replace('{notified}', c.digits(r.notified))
                  .replace('{delivered}', c.digits(r.delivered))
                  .replace('{clicked}', c.digits(r.clicked));
              },
            },
          ],
          answers[1].body.restocks,
        ),
        el('h2', {}, [t.title]),
      );
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    status.textContent = '';
    var id = productInput.value.trim();
    var customer = customerInput.value.trim();
    query =
      (id ? '&product_id=' + encodeURIComponent(id) : '') +
      (customer ? customerQuery(customer) : '') +
      (stateInput.value ? '&status=' + stateInput.value : '');
    showProduct(id);
    load(true);
  });
  more.addEventListener('click', function () {
    load(false);
  });
  c.fill([form, status, product, results, el('div', { class: 'actions' }, [more])]);
  load(true);
});

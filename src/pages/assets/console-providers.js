// The console's providers page: each SMS provider in the order messages are tried on it, with its circuit
// breakers, its last hour from the delivery log and its credit (GET /api/v1/admin/sms/providers).
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var percent = new Intl.NumberFormat(c.locale === 'fa' ? 'fa-IR' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  var amount = new Intl.NumberFormat(c.locale === 'fa' ? 'fa-IR' : 'en-GB');

  function circuit(state) {
    return el('span', { class: 'badge circuit-' + state }, [t['circuit.' + state] || state]);
  }

  c.api('GET', '/api/v1/admin/sms/providers').then(function (res) {
    if (!res.ok) return;
    c.fill([
      el('p', { class: 'muted' }, [t.order]),
      c.table(
        t.name,
        [
          {
            title: t.name,
            cell: function (p) {
              return el('strong', { dir: 'ltr' }, [p.name]);
            },
          },
          {
            title: t.kind,
            cell: function (p) {
              return p.live ? t.live : t.fallback;
            },
          },
          {
            title: t.circuit,
            cell: function (p) {
              return circuit(p.circuit);
            },
          },
          {
            title: t.queueCircuit,
            cell: function (p) {
              return circuit(p.queue_circuit);
            },
          },
          {
            title: t.rate,
            cell: function (p) {
              return p.recent.success_rate === null ? t.none : percent.format(p.recent.success_rate);
            },
          },
          {
            title: t.recent,
            cell: function (p) {
              return c.format(t.sentFailed, { sent: p.recent.sent, failed: p.recent.failed });
            },
          },
          {
            title: t.credit,
            cell: function (p) {
              if (p.credit) return amount.format(p.credit.amount) + ' ' + p.credit.unit;
              if (p.credit_error)
                return el('span', { class: 'warn' }, [c.format(t.creditError, { error: p.credit_error })]);
              return el('span', { class: 'muted' }, [t.noCredit]);
            },
          },
        ],
        res.body.providers,
        { stack: true },
      ),
    ]);
  });
});

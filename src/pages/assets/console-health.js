// The console's health page: what GET /api/v1/otp/health says, part by part. The staff member's token
// holds providers:read, so the answer has its detail: the version, the pool, every provider's breakers.
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;

  function value(v) {
    return t['value.' + v] || String(v);
  }
  function yes(flag) {
    return flag ? t.yes : t.no;
  }
  /** A state with its colour: good, bad or neither. */
  function state(v, good) {
    return el('span', { class: 'badge ' + (good ? 'good' : 'bad') }, [value(v)]);
  }
  function configured(flag) {
    return el('span', { class: 'badge ' + (flag ? 'good' : 'plain') }, [flag ? t.configured : t.notConfigured]);
  }
  function ltr(text) {
    return el('span', { dir: 'ltr' }, [c.digits(text)]);
  }
  /** One part of the service as a heading and a table of its facts. */
  function part(title, rows) {
    return el('section', { class: 'part' }, [
      el('h2', {}, [title]),
      c.table(
        title,
        [
          {
            title: t.check,
            cell: function (row) {
              return row[0];
            },
          },
          {
            title: t.state,
            cell: function (row) {
              return row[1];
            },
          },
        ],
        rows.filter(function (row) {
          return row[1] !== undefined && row[1] !== null;
        }),
      ),
    ]);
  }

  c.api('GET', '/api/v1/otp/health').then(function (res) {
    var h = res.body;
    if (!h || !h.database) return;
    // A degraded service answers 503 with the same document; the page shows it rather than the error.
    c.say('');
    var db = h.database;
    var pool = db.pool;
    var sms = h.sms;
    var parts = [
      part(t.overall, [
        [t.status, state(h.status, h.status === 'ok')],
        [t.version, h.version === undefined ? undefined : ltr(h.version)],
        [t.environment, h.environment === undefined ? undefined : ltr(h.environment)],
      ]),
      part(t.database, [
        [t.status, state(db.status, db.status === 'ok')],
        [t.dialect, ltr(db.dialect)],
        [
          t.schema,
          c.format(t.schemaOf, {
            version: db.schema_version === null ? '?' : db.schema_version,
            latest: db.latest_schema_version,
          }),
        ],
        [
          t.pool,
          pool
            ? el('span', {}, [
                c.format(t.poolOf, pool),
                pool.waiting > 0 ? el('span', { class: 'badge bad' }, [t.saturated]) : null,
              ])
            : undefined,
        ],
      ]),
      part(t.sms, [
        [t.enabled, yes(sms.enabled)],
        [t.configuredLabel, yes(sms.configured)],
        [t.available, state(sms.available ? 'ok' : 'unavailable', sms.available)],
        [t.mode, value(sms.mode)],
        [t.firstProvider, sms.provider === undefined ? undefined : ltr(sms.provider)],
        [t.testNumbers, sms.test_numbers === undefined ? undefined : c.digits(sms.test_numbers)],
      ]),
    ];
    if (sms.providers) {
      parts.push(
        el('section', { class: 'part providers' }, [
          el('h2', {}, [t.providers]),
          c.table(
            t.providers,
            [
              {
                title: t.name,
                cell: function (p) {
                  return el('span', {}, [ltr(p.name), ' ', configured(p.configured)]);
                },
              },
              {
                title: t.circuit,
                cell: function (p) {
                  return state(p.state, p.state === 'closed');
                },
              },
              {
                title: t.queueCircuit,
                cell: function (p) {
                  return state(p.queue_state, p.queue_state === 'closed');
                },
              },
              {
                title: t.rate,
                cell: function (p) {
                  return c.digits(p.queue_rate_per_second);
                },
              },
            ],
            sms.providers,
            { stack: true },
          ),
        ]),
      );
    }
    parts.push(
      part(t.rateLimit, [
        [t.store, value(h.rate_limit.store)],
        [t.status, state(h.rate_limit.status, h.rate_limit.status === 'ok')],
      ]),
      part(t.telegram, [
        [t.widget, configured(h.telegram.widget.configured)],
        [t.webapp, configured(h.telegram.webapp.configured)],
        [t.oidc, configured(h.telegram.oidc.configured)],
        [t.bot, configured(h.telegram.bot.configured)],
        [t.updates, value(h.telegram.bot.updates)],
      ]),
      part(t.events, [[t.status, configured(h.events.configured)]]),
    );
    c.fill(parts);
  });
});

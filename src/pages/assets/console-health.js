// The console's health page: what GET /api/v1/otp/health says, as a table.
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  c.api('GET', '/api/v1/otp/health').then(function (res) {
    var health = res.body;
    if (!health || !health.database) return;
    var rows = [
      [t.status, health.status === 'ok' ? t.ok : t.degraded],
      [
        'database',
        health.database.status +
          ' · ' +
          health.database.dialect +
          ' · ' +
          c.digits(health.database.schema_version + ' / ' + health.database.latest_schema_version),
      ],
      ['sms', (health.sms.configured ? t.configured : t.notConfigured) + ' · ' + health.sms.mode],
    ];
    Object.keys(health).forEach(function (name) {
      if (['success', 'status', 'database', 'sms', 'version', 'environment'].indexOf(name) !== -1) return;
      var value = health[name];
      rows.push([name, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
    });
    c.fill(
      c.table(
        t.status,
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
              return c.el('span', { dir: 'ltr' }, [row[1]]);
            },
          },
        ],
        rows,
      ),
    );
  });
});

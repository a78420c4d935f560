// The console's SMS page: the delivery log with the admin API's filters and cursor paging, a chart of
// messages per hour (GET /api/v1/admin/sms/stats), and at /admin/sms/<id> one message's history.
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var LOGS = '/api/v1/admin/sms/logs';
  var SVG = 'http://www.w3.org/2000/svg';
  var rtl = document.documentElement.dir === 'rtl';
  var STATUSES = ['queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'expired', 'cancelled'];
  // Colours a reader tells apart, each with a legend entry and the text alternative beside it.
  var STATUS_COLOURS = {
    queued: '#8a91a3',
    sending: '#6fa8ff',
    sent: '#1d5fd1',
    delivered: '#1e7a3c',
    undelivered: '#c46a00',
    failed: '#b42318',
    expired: '#6b4f2a',
    cancelled: '#7a4fb8',
  };
  var PALETTE = ['#1d5fd1', '#1e7a3c', '#c46a00', '#7a4fb8', '#b42318', '#0f7b8a', '#6b4f2a', '#8a91a3'];
  var comma = c.locale === 'fa' ? '، ' : ', ';

  function statusName(status) {
    return t['status.' + status] || status;
  }
  /** A phone number reads left to right on a Persian page too. */
  function number(phone) {
    return el('bdi', { dir: 'ltr' }, [c.digits(phone)]);
  }
  function time(value) {
    return el('time', { datetime: value }, [c.when(value)]);
  }
  /** A step of a message's history, to the second: its steps are often within the same minute. */
  var toSecond = { dateStyle: 'medium', timeStyle: 'medium' };
  function exactTime(value) {
    var text = new Date(value).toLocaleString(c.locale === 'fa' ? 'fa-IR' : 'en-GB', toSecond);
    return el('time', { datetime: value }, [text]);
  }
  function badge(status) {
    return el('span', { class: 'badge status-' + status }, [statusName(status)]);
  }

  if (c.id) {
    showMessage(c.id);
    return;
  }

  // ---- The log: a filter form, a table and its pages. The filters live in the address's #fragment, so a
  // reload or a shared link shows the same search.
  var FIELDS = ['phone_number', 'status', 'template', 'provider', 'from', 'to'];
  var inputs = {};
  function field(name, label, control) {
    inputs[name] = control;
    control.id = 'f-' + name;
    control.name = name;
    return el('div', { class: 'field' }, [el('label', { for: control.id }, [label]), control]);
  }
  var statusSelect = el(
    'select',
    {},
    [el('option', { value: '' }, [t.anyStatus])].concat(
      STATUSES.map(function (status) {
        return el('option', { value: status }, [statusName(status)]);
      }),
    ),
  );
  var form = el('form', { class: 'filters', role: 'search', 'aria-label': t.filters }, [
    field(
      'phone_number',
      t.phone,
      el('input', { type: 'tel', inputmode: 'tel', autocomplete: 'off', dir: 'ltr', maxlength: '64' }),
    ),
    field('status', t.status, statusSelect),
    field('template', t.template, el('input', { type: 'text', dir: 'ltr', autocomplete: 'off', maxlength: '64' })),
    field('provider', t.provider, el('input', { type: 'text', dir: 'ltr', autocomplete: 'off', maxlength: '64' })),
    field('from', t.from, el('input', { type: 'datetime-local' })),
    field('to', t.to, el('input', { type: 'datetime-local' })),
    el('div', { class: 'actions' }, [
      el('button', { type: 'submit' }, [t.search]),
      el('button', { type: 'button', class: 'secondary', id: 'clear' }, [t.clear]),
    ]),
  ]);
  var results = el('div', { id: 'results' }, []);
  var chart = el('section', { class: 'chart-section', 'aria-labelledby': 'chart-title' }, []);
  c.fill([form, el('h2', { class: 'visually-hidden' }, [t.log]), results, chart]);

  /** The filters as the API takes them: empty fields left out, local times as ISO 8601. */
  function query() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var value = inputs[name].value.trim();
      if (!value) return;
      if (name === 'from' || name === 'to') {
        var at = new Date(value);
        if (isNaN(at.getTime())) return;
        value = at.toISOString();
      }
      params.set(name, value);
    });
    return params;
  }
  function fromAddress() {
    var params = new URLSearchParams(location.hash.slice(1));
    FIELDS.forEach(function (name) {
      var value = params.get(name) || '';
      if ((name === 'from' || name === 'to') && value) value = toLocalInput(value);
      inputs[name].value = value;
    });
  }
  /** An ISO time as a datetime-local field shows it, in the reader's time zone. */
  function toLocalInput(iso) {
    var at = new Date(iso);
    if (isNaN(at.getTime())) return '';
    var local = new Date(at.getTime() - at.getTimezoneOffset() * 60000);
    return local.toISOString().slice(0, 16);
  }

  // Earlier pages' cursors, to go back; the API pages forward only.
  var cursors = [];
  var current = null;

  function load(cursor) {
    var params = query();
    params.set('limit', '20');
    if (cursor) params.set('cursor', cursor);
    results.setAttribute('aria-busy', 'true');
    return c.api('GET', LOGS + '?' + params.toString()).then(function (res) {
      results.removeAttribute('aria-busy');
      if (!res.ok) {
        results.replaceChildren();
        return;
      }
      c.say('');
      current = cursor;
      showPage(res.body.logs, res.body.next_cursor);
    });
  }

  function showPage(logs, nextCursor) {
    var rows = c.table(
      t.log,
      [
        {
          title: t.time,
          cell: function (log) {
            return el('a', { href: '/admin/sms/' + encodeURIComponent(log.id) }, [time(log.created_at)]);
          },
        },
        { title: t.number, cell: (log) => number(log.phone_number) },
        { title: t.status, cell: (log) => badge(log.status) },
        {
          title: t.template,
          cell: function (log) {
            return log.template
              ? el('span', { dir: 'ltr' }, [log.template])
              : el('span', { class: 'muted' }, [t.noTemplate]);
          },
        },
        { title: t.provider, cell: (log) => el('span', { dir: 'ltr' }, [log.provider]) },
        { title: t.attempts, cell: (log) => c.digits(log.attempts) },
      ],
      logs,
      { stack: true },
    );
    var pager = el('nav', { class: 'pager', 'aria-label': t.log }, [
      cursors.length > 0 ? el('button', { type: 'button', class: 'secondary', id: 'previous' }, [t.previous]) : null,
      el('span', { class: 'muted' }, [c.format(t.page, { n: cursors.length + 1 })]),
      nextCursor ? el('button', { type: 'button', class: 'secondary', id: 'next' }, [t.next]) : null,
    ]);
    results.replaceChildren(rows, pager);
    var next = pager.querySelector('#next');
    if (next)
      next.addEventListener('click', function () {
        cursors.push(current);
        load(nextCursor).then(focusResults);
      });
    var previous = pager.querySelector('#previous');
    if (previous)
      previous.addEventListener('click', function () {
        load(cursors.pop()).then(focusResults);
      });
  }
  /** After a page turn the reader is taken to the table's start, not left at a button that may be gone. */
  function focusResults() {
    var first = results.querySelector('a, button');
    if (first) first.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var params = query();
    history.replaceState(null, '', params.toString() ? '#' + params.toString() : location.pathname + location.search);
    cursors = [];
    load(null);
  });
  form.querySelector('#clear').addEventListener('click', function () {
    FIELDS.forEach(function (name) {
      inputs[name].value = '';
    });
    history.replaceState(null, '', location.pathname + location.search);
    cursors = [];
    load(null);
  });

  fromAddress();
  load(null);
  drawStats('day');

  // ---- The chart: messages per hour, stacked by status and by provider, over the last day or week.
  function drawStats(period) {
    return c.api('GET', '/api/v1/admin/sms/stats?period=' + period).then(function (res) {
      if (!res.ok) return;
      var stats = res.body;
      var toggle = el(
        'div',
        { class: 'toggle', role: 'group', 'aria-label': t.chart },
        ['day', 'week'].map(function (one) {
          return el(
            'button',
            { type: 'button', class: 'secondary', 'data-period': one, 'aria-pressed': String(one === period) },
            [t[one]],
          );
        }),
      );
      toggle.addEventListener('click', function (event) {
        var button = event.target.closest('button');
        if (!button || button.getAttribute('aria-pressed') === 'true') return;
        drawStats(button.getAttribute('data-period')).then(function () {
          var again = chart.querySelector('[data-period="' + button.getAttribute('data-period') + '"]');
          if (again) again.focus();
        });
      });
      var statusKeys = keysOf(stats.hours, 'statuses').sort(function (a, b) {
        return STATUSES.indexOf(a) - STATUSES.indexOf(b);
      });
      var providerKeys = keysOf(stats.hours, 'providers');
      chart.setAttribute('data-period', period);
      chart.replaceChildren(
        el('h2', { id: 'chart-title' }, [t.chart]),
        toggle,
        figure(
          'by-status',
          t.byStatus,
          stats,
          'statuses',
          statusKeys,
          function (key) {
            return STATUS_COLOURS[key] || '#555c6b';
          },
          statusName,
        ),
        figure(
          'by-provider',
          t.byProvider,
          stats,
          'providers',
          providerKeys,
          function (key) {
            return PALETTE[providerKeys.indexOf(key) % PALETTE.length];
          },
          function (key) {
            return key;
          },
        ),
      );
    });
  }

  /** Every key some hour counts, the most frequent first. */
  function keysOf(hours, group) {
    var totals = {};
    hours.forEach(function (hour) {
      Object.keys(hour[group]).forEach(function (key) {
        totals[key] = (totals[key] || 0) + hour[group][key];
      });
    });
    return Object.keys(totals).sort(function (a, b) {
      return totals[b] - totals[a] || (a < b ? -1 : 1);
    });
  }

  function svg(tag, attributes, children) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function figure(id, title, stats, group, keys, colour, name) {
    var hours = stats.hours;
    var total = 0;
    var max = 1;
    var sums = {};
    hours.forEach(function (hour) {
      total += hour.total;
      max = Math.max(max, hour.total);
      keys.forEach(function (key) {
        sums[key] = (sums[key] || 0) + (hour[group][key] || 0);
      });
    });
    var parts = keys
      .map(function (key) {
        return name(key) + ' ' + c.digits(sums[key]);
      })
      .join(comma);
    var lastHour = new Date(Date.parse(stats.to) - 3600000).toISOString();
    var summary = c.format(t.chartSummary, {
      hours: hours.length,
      from: c.when(stats.from),
      to: c.when(stats.to),
      total: total,
      parts: parts || t.empty,
    });
    // The bars: one column per hour, oldest at the reading's start (the right on a Persian page).
    var width = hours.length * 10;
    var height = 100;
    var gap = hours.length > 48 ? 1 : 2;
    var bars = hours.map(function (hour, i) {
      var x = rtl ? width - (i + 1) * 10 : i * 10;
      var y = height;
      var rects = keys
        .filter(function (key) {
          return hour[group][key];
        })
        .map(function (key) {
          var h = (hour[group][key] / max) * (height - 2);
          y -= h;
          return svg('rect', {
            x: x + gap / 2,
            y: y,
            width: 10 - gap,
            height: h,
            fill: colour(key),
            'data-key': key,
            'data-count': hour[group][key],
          });
        });
      var label = c.when(hour.hour) + ': ' + c.digits(hour.total);
      return svg(
        'g',
        { class: 'bar', 'data-hour': hour.hour, 'data-total': hour.total },
        [svg('title', {}, [label])].concat(rects),
      );
    });
    var picture = svg(
      'svg',
      {
        class: 'chart',
        viewBox: '0 0 ' + width + ' ' + height,
        preserveAspectRatio: 'none',
        role: 'img',
        'aria-label': title + ': ' + summary,
        focusable: 'false',
      },
      [
        svg('line', { x1: 0, y1: height - 0.5, x2: width, y2: height - 0.5, stroke: '#8a91a3', 'stroke-width': 1 }),
      ].concat(bars),
    );
    var legend = el(
      'ul',
      { class: 'legend' },
      keys.map(function (key) {
        var swatch = svg(
          'svg',
          { width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false' },
          [svg('rect', { width: 12, height: 12, rx: 2, fill: colour(key) })],
        );
        return el('li', {}, [swatch, ' ', el('span', { dir: 'auto' }, [name(key)]), ': ', c.digits(sums[key])]);
      }),
    );
    // The numbers themselves, for whoever cannot see the bars: each hour that had messages.
    var busy = hours.filter(function (hour) {
      return hour.total > 0;
    });
    var numbers = c.table(
      title,
      [
        { title: t.hour, cell: (hour) => time(hour.hour) },
        { title: t.total, cell: (hour) => c.digits(hour.total) },
      ].concat(
        keys.map(function (key) {
          return {
            title: name(key),
            cell: function (hour) {
              return c.digits(hour[group][key] || 0);
            },
          };
        }),
      ),
      busy,
    );
    return el('figure', { class: 'figure', id: id }, [
      el('figcaption', {}, [
        el('strong', {}, [title]),
        ' ',
        el('span', { class: 'muted' }, [c.format(t.busiest, { max: max > 1 || total ? max : 0 })]),
      ]),
      picture,
      el('div', { class: 'axis', 'aria-hidden': 'true' }, [
        el('span', {}, [c.when(stats.from)]),
        el('span', {}, [c.when(lastHour)]),
      ]),
      legend,
      el('details', {}, [el('summary', {}, [t.hoursTable]), numbers]),
    ]);
  }

  // ---- One message: its history as a timeline, and everything the log keeps of it.
  function showMessage(id) {
    var back = el('p', {}, [el('a', { href: '/admin/sms' }, [t.back])]);
    c.api('GET', LOGS + '/' + encodeURIComponent(id)).then(function (res) {
      if (!res.ok) {
        c.fill(back);
        return;
      }
      var log = res.body.log;
      var steps = [{ at: log.created_at, text: t.created }];
      if (log.queued_at) steps.push({ at: log.queued_at, text: t.queued });
      if (log.sending_at) steps.push({ at: log.sending_at, text: c.format(t.taken, { tries: log.tries }) });
      // A queued message waiting for its (next) try: a step still to come.
      if (log.status === 'queued' && log.next_attempt_at)
        steps.push({ at: log.next_attempt_at, text: log.tries > 0 ? t.retry : t.due, status: 'upcoming' });
      if (log.sent_at)
        steps.push({ at: log.sent_at, text: c.format(t.sent, { provider: log.provider, attempts: log.attempts }) });
      if (log.final_at) {
        var ending = c.format(t.final, { status: statusName(log.status) });
        if (log.error_code || log.error_message)
          ending += ' · ' + t.error + ': ' + [log.error_code, log.error_message].filter(Boolean).join(' ');
        if (log.provider_status) ending += ' · ' + t.providerStatus + ': ' + log.provider_status;
        steps.push({ at: log.final_at, text: ending, status: log.status });
      }
      if (log.status === 'cancelled')
        steps.push({
          at: log.updated_at,
          text: c.format(t.cancelled, { by: log.cancelled_by || '?' }),
          status: log.status,
        });
      if (!log.final_at && log.status !== 'cancelled')
        steps.push({
          at: log.updated_at,
          text: c.format(t.nowStatus, { status: statusName(log.status) }),
          status: log.status,
        });
      steps.sort(function (a, b) {
        return Date.parse(a.at) - Date.parse(b.at);
      });
      var timeline = el(
        'ol',
        { class: 'timeline' },
        steps.map(function (step) {
          return el('li', { class: step.status ? 'step status-' + step.status : 'step' }, [
            exactTime(step.at),
            el('span', {}, [step.text]),
          ]);
        }),
      );
      var details = [
        [t.number, number(log.phone_number)],
        [t.status, badge(log.status)],
        [t.template, log.template ? el('span', { dir: 'ltr' }, [log.template]) : t.noTemplate],
        [t.locale, log.locale || '—'],
        [t.provider, el('span', { dir: 'ltr' }, [log.provider])],
        [t.attempts, c.digits(log.attempts)],
        [t.providerId, log.provider_message_id ? el('span', { dir: 'ltr' }, [log.provider_message_id]) : '—'],
        [t.providerStatus, log.provider_status || '—'],
        [t.error, [log.error_code, log.error_message].filter(Boolean).join(' ') || '—'],
        [t.pollFailures, c.digits(log.poll_failures)],
        [t.cost, log.cost === null ? '—' : c.digits(log.cost)],
        [t.updated, time(log.updated_at)],
        [t.text, el('span', { class: 'message-text', dir: 'auto' }, [log.text])],
      ];
      c.fill([
        back,
        el('h2', {}, [t.history]),
        timeline,
        el('h2', {}, [t.details]),
        el(
          'dl',
          { class: 'details' },
          details.reduce(function (all, pair) {
            return all.concat([el('dt', {}, [pair[0]]), el('dd', {}, [pair[1]])]);
          }, []),
        ),
      ]);
    });
  }
});

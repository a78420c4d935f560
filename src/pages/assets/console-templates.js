// The console's templates page. /admin/templates lists the templates by key; /admin/templates/<key> edits a
// key's text in each language, with a preview the admin API fills with sample values and counts in SMS parts
// as the service counts them (POST /api/v1/admin/sms/templates/preview), asked a moment after each keystroke.
window.otpConsole.ready(function (c) {
  'use strict';
  var t = c.text;
  var el = c.el;
  var BASE = '/api/v1/admin/sms/templates';
  var mayWrite = c.can('templates:write');
  var LANGUAGES = { fa: 'فارسی', en: 'English' };

  /** Every page of the listing (a key has a handful of locales; a shop, dozens of keys). */
  function listAll(query, cursor, gathered) {
    var path = BASE + '?limit=100' + query + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    return c.api('GET', path).then(function (res) {
      if (!res.ok) return null;
      var all = (gathered || []).concat(res.body.templates);
      return res.body.next_cursor ? listAll(query, res.body.next_cursor, all) : all;
    });
  }

  function ltr(value) {
    return el('bdi', { dir: 'ltr' }, [value]);
  }

  function showList() {
    listAll('').then(function (templates) {
      if (!templates) return;
      var keys = [];
      var byKey = {};
      templates.forEach(function (template) {
        if (!byKey[template.key]) {
          byKey[template.key] = [];
          keys.push(template.key);
        }
        byKey[template.key].push(template);
      });
      var input = el('input', {
        id: 'new-key',
        name: 'key',
        dir: 'ltr',
        pattern: '[a-z][a-z0-9_]{0,63}',
        required: true,
      });
      var open = el('form', { class: 'filters' }, [
        el('div', {}, [el('label', { for: 'new-key' }, [t.newKey]), input]),
        el('button', { type: 'submit' }, [t.open]),
      ]);
      open.addEventListener('submit', function (event) {
        event.preventDefault();
        window.location.href = '/admin/templates/' + encodeURIComponent(input.value.trim());
      });
      c.fill([
        mayWrite ? open : el('p', { class: 'muted' }, [t.readOnly]),
        c.table(
          t.title,
          [
            {
              title: t.key,
              cell: function (key) {
                return el('a', { href: '/admin/templates/' + encodeURIComponent(key) }, [ltr(key)]);
              },
            },
            {
              title: t.locales,
              cell: function (key) {
                return byKey[key]
                  .map(function (one) {
                    return one.locale;
                  })
                  .join('، ');
              },
            },
            {
              title: t.body,
              cell: function (key) {
                // The text in the page's language where the key has it.
                var first =
                  byKey[key].filter(function (one) {
                    return one.locale === c.locale;
                  })[0] || byKey[key][0];
                var body = first.body.length > 80 ? first.body.slice(0, 80) + '…' : first.body;
                return el('span', { dir: 'auto', lang: first.locale }, [body]);
              },
            },
          ],
          keys,
        ),
      ]);
    });
  }

  /** One language's editor: the text, its preview and size, and saving or deleting it. */
  function editor(key, locale, record, onDeleted) {
    var id = 'body-' + locale;
    var area = el('textarea', { id: id, name: 'body', dir: 'auto', lang: locale, rows: 5, maxlength: 1000 }, [
      record ? record.body : '',
    ]);
    var preview = el('div', { class: 'preview', dir: 'auto', lang: locale, id: 'preview-' + locale });
    var counts = el('p', { class: 'counts', id: 'counts-' + locale, 'aria-live': 'polite' });
    var problem = el('p', { class: 'warn', id: 'problem-' + locale });
    var status = el('p', { class: 'status', role: 'status' });
    var save = el('button', { type: 'button', disabled: !mayWrite }, [t.save]);
    var remove = el('button', { type: 'button', class: 'danger', disabled: !mayWrite || !record }, [t.remove]);
    var asked = 0;
    var timer = null;

    function refresh() {
      var mine = ++asked;
      c.api('POST', BASE + '/preview', { body: area.value, key: key, locale: locale }).then(function (res) {
        if (mine !== asked || !res.ok) return;
        var p = res.body;
        preview.textContent = p.text;
        counts.textContent = t.counts
          .replace('{parts}', c.digits(p.parts))
          .replace('{characters}', c.digits(p.characters))
          .replace('{encoding}', p.encoding)
          .replace('{perPart}', c.digits(p.per_part));
        var warnings = [];
        if (p.parts > p.max_parts) warnings.push(t.tooMany.replace('{max}', c.digits(p.max_parts)));
        if (p.problem) warnings.push(t.problem + ' ' + p.problem);
        problem.textContent = warnings.join(' ');
      });
    }
    area.addEventListener('input', function () {
      status.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(refresh, 250);
    });
    save.addEventListener('click', function () {
      c.say('');
      status.textContent = '';
      save.disabled = true;
      var approved = record ? record.approved : {};
      c.api('PUT', BASE + '/' + key + '/' + locale, { body: area.value, approved: approved }).then(function (res) {
        save.disabled = !mayWrite;
        if (!res.ok) {
          // The API says what is wrong with the text; the sentence is the console's, the detail the API's.
          if (res.body && res.body.code === 'VALIDATION_ERROR') c.say(t.problem + ' ' + res.body.message);
          return;
        }
        record = res.body.template;
        remove.disabled = !mayWrite;
        status.textContent = t.saved;
      });
    });
    remove.addEventListener('click', function () {
      var question = t.removeQuestion.replace('{key}', key).replace('{locale}', locale);
      c.confirm(question, t.remove, t.cancel).then(function (yes) {
        if (!yes) return;
        c.say('');
        c.api('DELETE', BASE + '/' + key + '/' + locale).then(function (res) {
          if (res.ok) onDeleted(section);
        });
      });
    });
    var section = el('section', { class: 'card', 'aria-labelledby': 'title-' + locale }, [
      el('h2', { id: 'title-' + locale }, [(LANGUAGES[locale] || locale) + ' (' + locale + ')']),
      el('label', { for: id }, [t.text]),
      area,
      el('h3', { class: 'counts' }, [t.preview]),
      preview,
      counts,
      problem,
      el('div', { class: 'actions' }, [save, remove]),
      status,
    ]);
    refresh();
    return section;
  }

  function showKey(key) {
    listAll('&key=' + encodeURIComponent(key)).then(function (templates) {
      if (!templates) return;
      var editors = el('div', {});
      var shown = {};
      function add(locale, record) {
        shown[locale] = true;
        editors.append(
          editor(key, locale, record, function (section) {
            section.remove();
            delete shown[locale];
            c.say('');
          }),
        );
      }
      // The default locale (fa) first, as the service falls back to it; then the others in order.
      templates
        .slice()
        .sort(function (a, b) {
          return (a.locale === 'fa' ? 0 : 1) - (b.locale === 'fa' ? 0 : 1);
        })
        .forEach(function (template) {
          add(template.locale, template);
        });
      if (templates.length === 0) add('fa', null);
      var localeInput = el('input', { id: 'new-locale', dir: 'ltr', pattern: '[a-z]{2,3}', size: 4, required: true });
      var more = el('form', { class: 'filters' }, [
        el('div', {}, [el('label', { for: 'new-locale' }, [t.addLocale]), localeInput]),
        el('button', { type: 'submit', class: 'secondary' }, [t.add]),
      ]);
      more.addEventListener('submit', function (event) {
        event.preventDefault();
        var locale = localeInput.value.trim();
        if (!shown[locale]) add(locale, null);
        localeInput.value = '';
        document.getElementById('body-' + locale).focus();
      });
      c.fill([
        el('p', {}, [el('a', { href: '/admin/templates' }, [t.back])]),
        el('h2', {}, [ltr(key)]),
        mayWrite ? null : el('p', { class: 'notice' }, [t.readOnly]),
        el('p', { class: 'muted' }, [t.hint]),
        editors,
        mayWrite ? more : null,
      ]);
    });
  }

  // The key goes into the API's paths: only a key's own characters, so an address cannot lead elsewhere.
  if (c.id === null) showList();
  else if (/^[a-z][a-z0-9_]{0,63}$/.test(c.id)) showKey(c.id);
  else c.fill(el('p', {}, [c.text.errors.NOT_FOUND]));
});

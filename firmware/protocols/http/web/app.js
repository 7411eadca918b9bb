// e-Probe page: live values, alarms, trends, energy, PUE and configuration over the JSON API (/api/v1/...).
// Plain JavaScript, no library: the page is served from the meter's flash and must work offline.
'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = {
    auth: 'unknown',      // 'session' when POST /api/v1/session answers, 'basic' when it does not exist
    basic: null,          // "Basic ..." credentials kept in memory only (basic mode)
    user: null, role: null, mustChange: false,
    config: null, latest: null, shown: null, range: '1h', pending: null, busy: false, usersMessage: null,
    alarms: null, alarmNotes: {}, alarmBusy: false,
    module: 0,            // bus address shown in overview/phases/channels; 0 = this e-Probe
    modules: null,        // GET /api/v1/modules on a bus gateway, null elsewhere
    modulesOff: false     // the route answered 404: not a gateway, stop asking
  };

  // ---------- formatting ----------
  function num(v, d) { return v === null || v === undefined || isNaN(v) ? '–' : Number(v).toFixed(d); }
  // kW / kWh from W / Wh; null (not measurable) stays null instead of becoming 0.
  function kilo(v) { return v === null || v === undefined ? null : v / 1000; }
  function text(el, s) { el.textContent = s; return el; }
  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined) { e.textContent = content; }
    return e;
  }
  function errorOf(body, status) { return body && body.error ? body.error : 'HTTP ' + status; }

  // ---------- HTTP ----------
  function request(method, url, body) {
    // X-Requested-With on every request: the CSRF guard for writes, and a 401 then comes without a Basic
    // challenge, so the browser opens no login box of its own over the page.
    var headers = { 'X-Requested-With': 'e-probe' };
    if (method !== 'GET') {
      if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
      if (state.auth === 'basic' && state.basic) { headers.Authorization = state.basic; }
    }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = null;
          try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
          return { status: r.status, body: json };
        });
      });
  }
  function get(url) { return request('GET', url); }

  // ---------- login / session ----------
  function showUser() {
    var logged = state.user !== null;
    text($('user'), logged ? state.user + ' (' + state.role + ')' : '');
    $('login-open').hidden = logged;
    $('logout').hidden = !logged;
    $('password').hidden = !(logged && state.mustChange);
    renderUsers();
    renderAlarms();
  }
  function sessionFrom(body) {
    state.user = body.user; state.role = body.role; state.mustChange = !!body.mustChangePassword;
    showUser();
  }
  function probeSession() {
    return get('/api/v1/session').then(function (r) {
      if (r.status === 200 && r.body) { state.auth = 'session'; sessionFrom(r.body); }
      else if (r.status === 401) { state.auth = 'session'; }
      else { state.auth = 'basic'; }
    }, function () { state.auth = 'basic'; });
  }
  function askLogin(message) {
    $('login').hidden = false;
    text($('login-error'), message || '');
    $('login-password').focus();
  }
  function login(evt) {
    evt.preventDefault();
    var user = $('login-user').value, password = $('login-password').value;
    var basicLogin = function () {
      // No session API on this firmware: keep the credentials for writes (Basic), in memory only.
      state.auth = 'basic';
      state.basic = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
      state.user = user; state.role = 'credentials kept for writes'; state.mustChange = false;
      $('login').hidden = true; $('login-password').value = ''; text($('login-error'), ''); showUser();
      if (state.pending) { var retry = state.pending; state.pending = null; retry(); }
    };
    if (state.auth === 'basic') { basicLogin(); return; }
    request('POST', '/api/v1/session', { user: user, password: password }).then(function (r) {
      if (r.status === 200 && r.body) {
        state.auth = 'session'; sessionFrom(r.body);
        $('login').hidden = true; $('login-password').value = ''; text($('login-error'), '');
        // With anonymous reading off nothing could be read before: read everything now.
        if (!state.config) { loadConfig().then(function () { refresh(); loadAlarms(); loadEnergy(); loadPue(); }); }
        if (state.pending) { var retry = state.pending; state.pending = null; retry(); }
      } else if (r.status === 404 || r.status === 405) {
        basicLogin();
      } else {
        text($('login-error'), errorOf(r.body, r.status));
      }
    });
  }
  function logout() {
    var done = function () {
      state.user = null; state.role = null; state.basic = null; state.mustChange = false; showUser();
    };
    if (state.auth === 'session') { request('DELETE', '/api/v1/session').then(done, done); } else { done(); }
  }
  function changePassword(evt) {
    evt.preventDefault();
    var current = $('password-current').value, next = $('password-new').value;
    if (next !== $('password-again').value) { text($('password-error'), 'the two new passwords differ'); return; }
    request('PUT', '/api/v1/session/password', { current: current, 'new': next }).then(function (r) {
      if (r.status === 204 || r.status === 200) {
        state.mustChange = false;
        if (state.auth === 'basic' && state.user) {
          state.basic = 'Basic ' + btoa(unescape(encodeURIComponent(state.user + ':' + next)));
        }
        $('password-form').reset(); text($('password-error'), ''); showUser();
      } else {
        text($('password-error'), errorOf(r.body, r.status));
      }
    });
  }
  // Runs a write; asks for a login or a password change when the server says so, then retries once.
  function write(method, url, body, onDone) {
    var attempt = function () {
      request(method, url, body).then(function (r) {
        if (r.status === 401) { state.pending = attempt; askLogin(errorOf(r.body, r.status)); return; }
        if (r.status === 403 && r.body && /password change required/.test(r.body.error)) {
          state.mustChange = true; showUser(); $('password').hidden = false;
        }
        onDone(r);
      }, function () { onDone({ status: 0, body: { error: 'the e-Probe does not answer' } }); });
    };
    // Log in first: a write without credentials would get 401 with a Basic challenge, and the browser's own
    // credentials dialog would open over the page.
    if (state.user === null) { state.pending = attempt; askLogin('Log in to save changes.'); return; }
    attempt();
  }

  // ---------- live values ----------
  function refresh() {
    if (state.busy) { return; }
    state.busy = true;
    var asked = state.module;
    get(asked ? '/api/v1/modules/' + asked + '/measurements' : '/api/v1/measurements').then(function (r) {
      state.busy = false;
      if (asked !== state.module) { return; }   // the selector moved on meanwhile
      var s = $('status');
      if (r.status === 200 && r.body) {
        if (asked) {
          var online = r.body.status === 'online';
          s.className = 'status ' + (online ? 'ok' : 'bad'); text(s, 'module ' + asked + ' ' + r.body.status);
          text($('module-state'), (online ? 'polled ' : 'offline, last values from ') + num(r.body.ageS, 1) +
            ' s ago · trends, energy, PUE and alarms below are the gateway\'s own');
        } else {
          s.className = 'status ok'; text(s, 'live');
          state.latest = r.body;
          text($('module-state'), '');
        }
        state.shown = r.body;   // what the view shows (a module's or this e-Probe's): redrawn after alarms/config load
        render(r.body);
      } else if (r.status === 401) {
        s.className = 'status bad'; text(s, 'login needed');
        if ($('login').hidden) { askLogin('Anonymous reading is off: log in to see the values.'); }
      } else {
        s.className = 'status bad'; text(s, errorOf(r.body, r.status));
      }
    }, function () { state.busy = false; $('status').className = 'status bad'; text($('status'), 'offline'); });
  }
  function render(m) {
    text($('device-time'), m.timestamp ? m.timestamp.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') + (m.clockSynchronized === false ? ' (clock not set)' : '') : '');
    text($('frequency'), num(m.frequencyHz, 3) + ' Hz');
    text($('unbalance'), num(m.voltageUnbalancePercent, 2) + ' %');
    var total = 0;
    (m.channels || []).forEach(function (c) { if (c && c.activePowerW !== null) { total += c.activePowerW; } });
    text($('total-power'), num(total / 1000, 2) + ' kW');
    renderPhases(m.phases || []);
    renderCircuits(m.circuits || []);
    renderChannels(m.channels || []);
    if (!state.module && !$('trend-channel').options.length && m.channels) { fillTrendChannels(m.channels); }
  }
  function renderPhases(phases) {
    var box = $('phases');
    box.textContent = '';
    phases.forEach(function (p) {
      if (!p) { return; }
      var t = el('div', 'tile phase' + (p.present ? '' : ' absent'));
      var name = el('span', 'muted', p.phase + (p.present ? '' : ' (no voltage)')), tag = state.module ? null : alarmTag('phase', p.phase);
      t.appendChild(name);
      if (tag) { t.appendChild(tag); }
      t.appendChild(el('b', 'vrms', num(p.vrms, 2) + ' V'));
      t.appendChild(el('span', null, num(p.frequencyHz, 3) + ' Hz · THD ' + num(p.thdPercent, 1) + ' %'));
      box.appendChild(t);
    });
  }
  function loadClass(pct) { return pct >= 90 ? 'red' : (pct >= 80 ? 'amber' : 'green'); }
  function renderCircuits(circuits) {
    var box = $('circuits');
    box.textContent = '';
    if (!circuits.length) {
      box.appendChild(el('p', 'muted', state.module ? 'The gateway does not read the circuits of bus modules.' : 'No circuit configured.'));
      return;
    }
    circuits.forEach(function (c) {
      if (!c) { return; }
      var d = el('div', 'circuit');
      var head = el('div', 'head');
      var title = el('b', null, c.name), tag = alarmTag('circuit', c.name);
      if (tag) { title.appendChild(tag); }
      head.appendChild(title);
      head.appendChild(el('span', 'load', num(c.loadPercent, 1) + ' %'));
      d.appendChild(head);
      var pct = c.loadPercent === null ? 0 : c.loadPercent;
      var bar = el('div', 'bar ' + loadClass(pct));
      var fill = el('span');
      fill.style.width = Math.max(0, Math.min(100, pct)) + '%';
      bar.appendChild(fill);
      d.appendChild(bar);
      d.appendChild(el('span', 'muted', num(c.maxIrms, 1) + ' A of ' + num(c.breakerRatedA, 0) + ' A breaker · ' +
        num(kilo(c.activePowerW), 2) + ' kW · ' + c.phases + '-phase'));
      box.appendChild(d);
    });
  }
  function channelConfig(n) {
    var list = state.config && state.config.channels;
    return list && list[n - 1] ? list[n - 1] : {};
  }
  function renderChannels(channels) {
    var body = $('channel-table').tBodies[0];
    while (body.rows.length > channels.length) { body.deleteRow(-1); }
    channels.forEach(function (c, i) {
      if (!c) { return; }
      var row = body.rows[i] || body.insertRow(-1);
      var cfg = state.module ? {} : channelConfig(c.channel);   // a module's labels are configured on the module
      var cells = [c.channel, c.phase, cfg.label || '', cfg.rack || '', cfg.customer || '', num(c.irms, 2),
        num(c.activePowerW, 0), num(c.powerFactor, 2), num(c.loadPercentOfCt, 1) + ' %', num(kilo(c.importEnergyWh), 3)];
      for (var k = 0; k < cells.length; k++) {
        var cell = row.cells[k] || row.insertCell(-1);
        if (k >= 5) { cell.className = 'num'; }
        text(cell, String(cells[k]));
      }
    });
  }

  // ---------- bus modules (gateway: GET /api/v1/modules, /api/v1/modules/<address>/measurements) ----------
  function moduleTitle(m) {
    return m.address + ' · ' + (m.name || m.serial || 'module') + (m.location ? ' (' + m.location + ')' : '');
  }
  function errorCount(c) { return c ? c.timeouts + c.crcErrors + c.exceptions + c.unexpected : 0; }
  function loadModules() {
    if (state.modulesOff) { return; }
    get('/api/v1/modules').then(function (r) {
      if (r.status === 200 && r.body) {
        state.modules = r.body;
        renderModules(r.body);
      } else if (r.status === 404) {
        state.modulesOff = true; state.modules = null;
        $('module-bar').hidden = true; $('modules').hidden = true; $('nav-modules').hidden = true;
      }
    }, function () {});
  }
  function renderModules(list) {
    $('module-bar').hidden = false; $('modules').hidden = false; $('nav-modules').hidden = false;
    // The selector: this e-Probe, then each module seen on the bus with its state.
    var sel = $('module-select');
    var options = [['0', 'This e-Probe (gateway)']];
    list.modules.forEach(function (m) { options.push([String(m.address), moduleTitle(m) + ' · ' + m.status]); });
    if (state.module && !list.modules.some(function (m) { return m.address === state.module; })) {
      options.push([String(state.module), state.module + ' · not seen']);
    }
    var same = sel.options.length === options.length;
    for (var i = 0; same && i < options.length; i++) { same = sel.options[i].value === options[i][0] && sel.options[i].text === options[i][1]; }
    if (!same) {
      sel.textContent = '';
      options.forEach(function (o) { var op = el('option', null, o[1]); op.value = o[0]; sel.appendChild(op); });
    }
    sel.value = String(state.module);

    var t = list.totals, tiles = $('site-totals');
    tiles.textContent = '';
    [['Site active power', num(kilo(t.activePowerW), 2) + ' kW'], ['Site apparent power', num(kilo(t.apparentPowerVA), 2) + ' kVA'],
      ['Current L1 / L2 / L3', t.phaseCurrentA.map(function (a) { return num(a, 1); }).join(' / ') + ' A'],
      ['Site import', num(kilo(t.importEnergyWh), 1) + ' kWh'],
      ['Modules', t.modulesCounted + ' counted' + (t.modulesOffline ? ', ' + t.modulesOffline + ' offline' : '')]].forEach(function (v) {
      var tile = el('div', 'tile' + (v[0] === 'Modules' && t.modulesOffline ? ' warn' : ''));
      tile.appendChild(el('span', 'muted', v[0])); tile.appendChild(el('b', null, v[1])); tiles.appendChild(tile);
    });
    text($('modules-note'), '· bus cycle ' + num(list.cycleS * 1000, 0) + ' ms');

    var body = $('module-table').tBodies[0];
    body.textContent = '';
    if (!list.modules.length) {
      var empty = body.insertRow(-1).insertCell(-1);
      empty.colSpan = 10; text(empty, 'No module has answered on the bus yet.');
      return;
    }
    list.modules.forEach(function (m) {
      var row = body.insertRow(-1);
      row.dataset.address = m.address;
      if (m.address === state.module) { row.className = 'selected'; }
      var c = m.counters;
      [String(m.address), null, m.name, m.location, m.model || '–', m.serial || '–', num(kilo(m.activePowerW), 2),
        num(kilo(m.importEnergyWh), 1), num(m.ageS, 1), String(errorCount(c))].forEach(function (v, k) {
        var cell = row.insertCell(-1);
        if (k === 1) { cell.appendChild(el('span', 'st ' + m.status, m.status)); return; }
        if (k >= 6) { cell.className = 'num'; }
        text(cell, v);
      });
      row.cells[9].title = c ? 'polls ' + c.polls + ', missed ' + c.missedPolls + ', timeouts ' + c.timeouts + ', CRC ' + c.crcErrors +
        ', exceptions ' + c.exceptions + ', unexpected ' + c.unexpected + ', went offline ' + c.wentOffline : '';
      row.addEventListener('click', function () { selectModule(m.address); location.hash = '#overview'; });
    });
  }
  function selectModule(address) {
    state.module = address;
    $('module-select').value = String(address);
    $('channel-table').tBodies[0].textContent = '';
    Array.prototype.forEach.call($('module-table').tBodies[0].rows, function (r) {
      r.className = Number(r.dataset.address) === address ? 'selected' : '';
    });
    state.busy = false;
    refresh();
  }

  // ---------- trends ----------
  var ranges = { '1h': [3600, '1m'], '24h': [86400, '15m'], '30d': [30 * 86400, '1d'] };
  function fillTrendChannels(channels) {
    var sel = $('trend-channel');
    channels.forEach(function (c) {
      if (!c) { return; }
      var cfg = channelConfig(c.channel);
      var o = el('option', null, 'Channel ' + c.channel + (cfg.label ? ' – ' + cfg.label : ''));
      o.value = c.channel;
      sel.appendChild(o);
    });
    loadTrend();
  }
  function loadTrend() {
    var channel = $('trend-channel').value;
    if (!channel) { return; }
    var r = ranges[state.range];
    var end = state.latest && state.latest.timestamp ? new Date(state.latest.timestamp) : new Date();
    var from = new Date(end.getTime() - r[0] * 1000);
    var records = [];
    var page = function (fromIso, pages) {
      get('/api/v1/history?channel=' + channel + '&from=' + encodeURIComponent(fromIso) + '&to=' +
        encodeURIComponent(end.toISOString()) + '&resolution=' + r[1]).then(function (h) {
        if (h.status !== 200 || !h.body) { text($('trend-note'), errorOf(h.body, h.status)); drawTrend([], from, end); return; }
        records = records.concat(h.body.records || []);
        if (h.body.truncated && h.body.next && pages < 20) { page(h.body.next, pages + 1); return; }
        text($('trend-note'), records.length ? records.length + ' intervals of ' + r[1] + ': average power with min/max band' :
          'No history recorded in this range yet.');
        drawTrend(records, from, end);
      });
    };
    page(from.toISOString(), 0);
  }
  function drawTrend(records, from, end) {
    var c = $('trend-canvas'), g = c.getContext('2d');
    var w = c.width, h = c.height, left = 60, right = 10, top = 10, bottom = 30;
    g.clearRect(0, 0, w, h);
    g.font = '12px sans-serif'; g.fillStyle = '#64707d'; g.strokeStyle = '#d8dee4';
    var lo = 0, hi = 1;
    records.forEach(function (r) { lo = Math.min(lo, r.minPowerW); hi = Math.max(hi, r.maxPowerW); });
    var t0 = from.getTime(), t1 = end.getTime();
    var x = function (t) { return left + (w - left - right) * (t - t0) / (t1 - t0); };
    var y = function (v) { return top + (h - top - bottom) * (hi - v) / (hi - lo); };
    for (var i = 0; i <= 4; i++) {
      var v = lo + (hi - lo) * i / 4, yy = y(v);
      g.beginPath(); g.moveTo(left, yy); g.lineTo(w - right, yy); g.stroke();
      g.fillText(Math.abs(hi) >= 10000 ? (v / 1000).toFixed(1) + ' kW' : v.toFixed(0) + ' W', 2, yy + 4);
    }
    for (i = 0; i <= 4; i++) {
      var t = t0 + (t1 - t0) * i / 4, d = new Date(t);
      var label = state.range === '30d' ? d.toISOString().slice(5, 10) : d.toISOString().slice(11, 16);
      g.fillText(label, Math.min(x(t) - 14, w - 40), h - 10);
    }
    if (!records.length) { return; }
    g.fillStyle = 'rgba(11,107,203,0.18)';
    g.beginPath();
    records.forEach(function (r, k) { var px = x(new Date(r.end).getTime()); if (k) { g.lineTo(px, y(r.maxPowerW)); } else { g.moveTo(px, y(r.maxPowerW)); } });
    for (var k = records.length - 1; k >= 0; k--) { g.lineTo(x(new Date(records[k].end).getTime()), y(records[k].minPowerW)); }
    g.closePath(); g.fill();
    g.strokeStyle = '#0b6bcb'; g.lineWidth = 2;
    g.beginPath();
    records.forEach(function (r, k) { var px = x(new Date(r.end).getTime()), py = y(r.averagePowerW); if (k) { g.lineTo(px, py); } else { g.moveTo(px, py); } });
    g.stroke(); g.lineWidth = 1;
  }

  // ---------- energy per customer and billing period ----------
  function loadEnergy() {
    get('/api/v1/billing').then(function (r) {
      var table = $('energy-table');
      table.tHead.textContent = ''; table.tBodies[0].textContent = '';
      if (r.status !== 200 || !r.body) { text($('energy-note'), errorOf(r.body, r.status)); return; }
      var snaps = (r.body.snapshots || []).slice().sort(function (a, b) { return a.boundary < b.boundary ? -1 : 1; });
      // Period k runs from snapshot k-1 to snapshot k; the open period from the last snapshot to now.
      var periods = [], customers = {};
      var byChannel = function (snap) { var m = {}; (snap.counters || []).forEach(function (c) { m[c.channel] = c; }); return m; };
      for (var k = 1; k < snaps.length; k++) {
        periods.push({ title: snaps[k - 1].boundary.slice(0, 10) + ' → ' + snaps[k].boundary.slice(0, 10), start: byChannel(snaps[k - 1]), end: byChannel(snaps[k]) });
      }
      if (snaps.length && state.latest) {
        var live = {};
        (state.latest.channels || []).forEach(function (c) { if (c) { live[c.channel] = { channel: c.channel, customer: channelConfig(c.channel).customer, importEnergyWh: c.importEnergyWh }; } });
        periods.push({ title: 'since ' + snaps[snaps.length - 1].boundary.slice(0, 10), start: byChannel(snaps[snaps.length - 1]), end: live });
      }
      periods.forEach(function (p) {
        p.sums = {};
        Object.keys(p.end).forEach(function (ch) {
          var e = p.end[ch], s = p.start[ch];
          if (!s) { return; }
          var who = (s.customer || e.customer || '(no customer)');
          customers[who] = true;
          p.sums[who] = (p.sums[who] || 0) + (e.importEnergyWh - s.importEnergyWh);
        });
      });
      if (!periods.length) {
        text($('energy-note'), 'No billing period has closed yet: energy per customer appears after the first billing boundary.');
        return;
      }
      var head = table.tHead.insertRow(-1);
      head.appendChild(el('th', null, 'Customer'));
      periods.forEach(function (p) { head.appendChild(el('th', 'num', p.title + ' (kWh)')); });
      Object.keys(customers).sort().forEach(function (who) {
        var row = table.tBodies[0].insertRow(-1);
        row.appendChild(el('td', null, who));
        periods.forEach(function (p) { row.appendChild(el('td', 'num', p.sums[who] === undefined ? '–' : num(p.sums[who] / 1000, 3))); });
      });
      text($('energy-note'), 'Imported energy per customer label between billing boundaries (device time).');
    });
  }

  // ---------- PUE ----------
  function loadPue() {
    get('/api/v1/pue?resolution=1d').then(function (r) {
      var box = $('pue-body');
      box.textContent = '';
      if (r.status !== 200 || !r.body) { box.appendChild(el('p', 'error', errorOf(r.body, r.status))); return; }
      var p = r.body;
      if (!p.configured) {
        box.appendChild(el('p', 'muted', 'Not configured: mark circuits as facility-total and it-load in the configuration.'));
        return;
      }
      var tiles = el('div', 'summary');
      [['PUE', num(p.pue, 3)], ['DCiE', num(p.dciePercent, 1) + ' %'], ['Facility', num(kilo(p.facilityPowerW), 2) + ' kW'],
        ['IT load', num(kilo(p.itPowerW), 2) + ' kW']].forEach(function (v) {
        var t = el('div', 'tile'); t.appendChild(el('span', 'muted', v[0])); t.appendChild(el('b', null, v[1])); tiles.appendChild(t);
      });
      box.appendChild(tiles);
    });
  }

  // ---------- alarms (GET /api/v1/alarms?log=N, POST /api/v1/alarms/<id>/ack) ----------
  var conditionWords = { loadHigh: 'Load high', overCurrent: 'Over-current', lowLoad: 'Low load (tripped breaker?)',
    underVoltage: 'Undervoltage', overVoltage: 'Overvoltage', phaseLost: 'Phase lost', frequencyLow: 'Frequency low',
    frequencyHigh: 'Frequency high', voltageUnbalance: 'Voltage unbalance', currentUnbalance: 'Current unbalance',
    neutralCurrent: 'Neutral current high', moduleOffline: 'Bus module offline' };
  function conditionText(c) { return conditionWords[c] || c; }
  function timeText(iso) { return iso ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : '–'; }
  function sourceText(a) {
    if (a.source === 'device') { return 'Device'; }
    if (a.source === 'phase') { return 'Phase ' + a.name; }
    if (a.source === 'channel') { return 'Channel ' + a.index + (a.name !== 'channel ' + a.index ? ' – ' + a.name : ''); }
    return a.name.indexOf('circuit ') === 0 ? 'Circuit ' + a.index : 'Circuit ' + a.name;
  }
  function valueText(v, unit) { return v === null || v === undefined ? '–' : num(v, 2) + ' ' + unit; }
  // "3 min" from the alarm's start to the device's clock (the browser's clock may differ).
  function ago(iso) {
    var now = state.latest && state.latest.timestamp ? new Date(state.latest.timestamp) : new Date();
    var s = Math.max(0, Math.round((now - new Date(iso)) / 1000));
    return s < 120 ? s + ' s' : (s < 7200 ? Math.round(s / 60) + ' min' : (s < 172800 ? Math.round(s / 3600) + ' h' : Math.round(s / 86400) + ' d'));
  }
  function mayAcknowledge() { return state.role !== 'viewer'; }
  function loadAlarms() {
    if (state.alarmBusy) { return; }
    state.alarmBusy = true;
    get('/api/v1/alarms?log=' + $('alarm-log-size').value).then(function (r) {
      state.alarmBusy = false;
      if (r.status === 200 && r.body) { state.alarms = r.body; renderAlarms(); }
      else { state.alarms = null; $('alarm-list').textContent = ''; $('alarm-list').appendChild(el('p', 'error', errorOf(r.body, r.status))); }
    }, function () { state.alarmBusy = false; });
  }
  function renderAlarms() {
    var a = state.alarms;
    if (!a) { return; }
    var badge = $('alarm-badge');
    badge.hidden = false;
    badge.className = 'badge' + (a.critical ? ' critical' : (a.warning ? ' warning' : ''));
    text(badge, a.critical ? a.critical + ' critical' + (a.warning ? ' · ' + a.warning + ' warning' : '') :
      (a.warning ? a.warning + ' warning' : 'no alarm'));
    text($('alarm-counts'), a.active.length ? '(' + a.critical + ' critical, ' + a.warning + ' warning, ' + a.unacknowledged + ' not acknowledged)' : '');
    var box = $('alarm-list');
    box.textContent = '';
    if (!a.active.length) { box.appendChild(el('p', 'muted', 'No active alarm.')); }
    else {
      var t = el('table'), head = t.createTHead().insertRow(-1), body = t.createTBody();
      t.id = 'alarm-table';
      ['Level', 'Source', 'Condition', 'Value', 'Threshold', 'Since', 'Acknowledged', ''].forEach(function (h, i) {
        head.appendChild(el('th', i === 3 || i === 4 ? 'num' : null, h));
      });
      // Critical first, then the most recent.
      a.active.slice().sort(function (p, q) {
        return p.level !== q.level ? (p.level === 'critical' ? -1 : 1) : (p.raisedAt < q.raisedAt ? 1 : -1);
      }).forEach(function (x) {
        var row = body.insertRow(-1);
        row.className = x.level; row.dataset.alarm = x.id;
        row.insertCell(-1).appendChild(el('span', 'lvl ' + x.level, x.level));
        text(row.insertCell(-1), sourceText(x));
        text(row.insertCell(-1), conditionText(x.condition) + (x.latching ? ' (latching)' : ''));
        text(row.insertCell(-1), valueText(x.value, x.unit)).className = 'num value';
        text(row.insertCell(-1), valueText(x.threshold, x.unit)).className = 'num';
        text(row.insertCell(-1), timeText(x.raisedAt) + ' (' + ago(x.raisedAt) + ')');
        text(row.insertCell(-1), x.acknowledged ? 'by ' + (x.ackUser || '?') + ' at ' + timeText(x.ackAt) : 'no').className = 'ack';
        var cell = row.insertCell(-1), note = state.alarmNotes[x.id];
        if (!x.acknowledged && mayAcknowledge()) {
          var b = el('button', null, 'Acknowledge');
          b.type = 'button'; b.className = 'ack-button';
          b.addEventListener('click', function () { acknowledge(x.id); });
          cell.appendChild(b);
        }
        if (note) { cell.appendChild(el('span', note.ok ? 'ok-text' : 'error', ' ' + note.text)); }
      });
      box.appendChild(t);
    }
    var log = $('alarm-log').tBodies[0];
    log.textContent = '';
    (a.log || []).forEach(function (r) {
      var row = log.insertRow(-1);
      [timeText(r.time), r.event, r.level, sourceText(r), conditionText(r.condition), valueText(r.value, r.unit),
        valueText(r.threshold, r.unit), r.user || ''].forEach(function (v, i) {
        var cell = text(row.insertCell(-1), v);
        if (i === 5 || i === 6) { cell.className = 'num'; }
      });
    });
    if (state.shown) { render(state.shown); }
  }
  function acknowledge(id) {
    state.alarmNotes[id] = { ok: true, text: 'Acknowledging…' }; renderAlarms();
    write('POST', '/api/v1/alarms/' + id + '/ack', undefined, function (r) {
      state.alarmNotes[id] = r.status === 200 ? { ok: true, text: 'Acknowledged.' } : { ok: false, text: errorOf(r.body, r.status) };
      renderAlarms(); loadAlarms();
    });
  }
  // The worst active alarm of a phase or circuit, as a tag next to its tile or bar.
  function alarmTag(source, name) {
    var worst = null;
    ((state.alarms && state.alarms.active) || []).forEach(function (x) {
      if (x.source === source && x.name === name && (!worst || x.level === 'critical')) { worst = x; }
    });
    return worst ? el('span', 'tag ' + worst.level, conditionText(worst.condition)) : null;
  }

  // The alarm rules: one row per condition, each number in its rule's unit.
  var ruleUnits = { loadHigh: '% of breaker', overCurrent: '% of CT rating', lowLoad: 'A', underVoltage: '% of nominal',
    overVoltage: '% of nominal', phaseLost: '% of nominal', frequencyLow: 'Hz below nominal', frequencyHigh: 'Hz above nominal',
    voltageUnbalance: '%', currentUnbalance: '% of mean', neutralCurrent: '% of breaker', moduleOffline: 'missed polls' };
  var ruleFields = [['enabled', 'On'], ['warning', 'Warning'], ['critical', 'Critical'], ['hysteresis', 'Hysteresis'],
    ['assertDelayS', 'Raise after (s)'], ['clearDelayS', 'Clear after (s)'], ['latching', 'Latching']];
  function alarmsForm(value) {
    var form = el('form'), set = el('fieldset');
    form.id = 'config-alarms';
    set.appendChild(el('legend', null, 'Alarm rules'));
    set.appendChild(el('p', 'muted', 'Empty warning or critical: that level is off. Only administrators may save.'));
    Object.keys(value).forEach(function (k) {
      if (k !== 'rules') { set.appendChild(field(labelOf(k), makeInput('alarms.' + k, value[k], 'alarms.' + k))); }
    });
    var t = el('table'), head = t.createTHead().insertRow(-1), body = t.createTBody();
    head.appendChild(el('th', null, 'Rule')); head.appendChild(el('th', null, 'Unit'));
    ruleFields.forEach(function (f) { head.appendChild(el('th', null, f[1])); });
    Object.keys(value.rules || {}).forEach(function (c) {
      var row = body.insertRow(-1), rule = value.rules[c];
      row.dataset.rule = c;
      text(row.insertCell(-1), conditionText(c)).title = c;
      text(row.insertCell(-1), ruleUnits[c] || '');
      ruleFields.forEach(function (f) {
        var cell = row.insertCell(-1), input = makeInput('alarms.rules.' + c + '.' + f[0], rule[f[0]], 'alarmRule.' + f[0]);
        if (f[0] === 'warning' || f[0] === 'critical') { input.placeholder = 'off'; }
        cell.appendChild(input);
        cell.appendChild(el('div', 'field-error'));
      });
    });
    var wrap = el('div', 'scroll'); wrap.appendChild(t); set.appendChild(wrap);
    var actions = el('div', 'form-actions'), save = el('button', 'primary', 'Save');
    save.type = 'submit'; save.id = 'save-alarms';
    var msg = el('span', 'form-message'); msg.setAttribute('role', 'status');
    actions.appendChild(save); actions.appendChild(msg); set.appendChild(actions);
    form.appendChild(set);
    form.addEventListener('submit', function (evt) { evt.preventDefault(); saveSection(form, 'alarms', msg); });
    return form;
  }

  // ---------- configuration forms ----------
  var sectionNames = { general: 'General', channels: 'Channels', circuits: 'Circuits', network: 'Network', snmp: 'SNMP',
    modbus: 'Modbus', history: 'History and billing', http: 'Web access', alarms: 'Alarm rules', bus: 'RS-485 bus' };
  var readOnly = { 'channels[].channel': true };
  var choices = { 'channels[].phase': ['L1', 'L2', 'L3'], 'circuits[].role': ['none', 'facility-total', 'it-load'],
    nominalFrequency: [50, 60], 'bus.role': ['standalone', 'slave', 'gateway'], 'bus.parity': ['E', 'N', 'O'],
    'bus.baud': [9600, 19200, 38400, 57600, 115200], 'bus.stopBits': [1, 2] };
  // Field names as people read them (the JSON name is kept for the rest).
  var labels = { nominalVoltage: 'Nominal voltage (V, phase–neutral)', nominalFrequency: 'Nominal frequency (Hz)',
    voltageGain: 'Voltage gain L1, L2, L3', ctRatedA: 'CT rating (A)', phaseCorrectionDeg: 'Phase correction (°)',
    breakerRatedA: 'Breaker (A)', channels: 'Channels', dhcp: 'DHCP', address: 'IPv4 address', mask: 'Subnet mask',
    gateway: 'Gateway', dns: 'DNS server', hostname: 'Host name', enabled: 'Enabled', readCommunity: 'Read community',
    writeCommunity: 'Write community (empty: SET refused)', sysName: 'sysName', sysLocation: 'sysLocation',
    sysContact: 'sysContact', trapTargets: 'Trap targets (host:port[/v1|/v2c], comma-separated)', port: 'TCP port',
    unitId: 'Unit id', writesUnlocked: 'Writes unlocked (Modbus has no authentication)',
    energySaveIntervalS: 'Energy save interval (s)', billingDay: 'Billing day of month', billingHour: 'Billing hour (local)',
    utcOffsetMinutes: 'Local time offset from UTC (min)', ntpServers: 'NTP servers (host:port, comma-separated)',
    anonymousRead: 'Anonymous reading', sessionTimeoutS: 'Session timeout (s)',
    stormMaxEventsPerMinute: 'Storm limit (events per alarm and minute)', syslog: 'Syslog server (host[:port], empty: off)' };
  function labelOf(key) { return labels[key] || key; }
  // A rule's level may be null (off): still a number field, empty when off.
  var listKinds = { 'circuits[].channels': 'numbers', voltageGain: 'numbers', 'alarmRule.warning': 'number', 'alarmRule.critical': 'number' };
  // Lists of objects the page may grow and shrink, with the fields of a new row.
  var rowTemplates = { circuits: { name: '', channels: [], breakerRatedA: 16, role: 'none', customer: '' } };
  function loadConfig() {
    return get('/api/v1/config').then(function (r) {
      if (r.status !== 200 || !r.body) { text($('config-note'), errorOf(r.body, r.status)); return; }
      state.config = r.body;
      buildForms(r.body);
      if (state.shown) { renderChannels(state.shown.channels || []); }
    });
  }
  function kindOf(v, pattern) {
    if (listKinds[pattern]) { return listKinds[pattern]; }
    if (typeof v === 'boolean') { return 'bool'; }
    if (typeof v === 'number') { return 'number'; }
    if (Array.isArray(v)) { return v.length && typeof v[0] === 'number' ? 'numbers' : 'strings'; }
    return 'text';
  }
  function makeInput(path, value, pattern) {
    var kind = kindOf(value, pattern), input = el(choices[pattern] ? 'select' : 'input');
    if (choices[pattern]) {
      choices[pattern].forEach(function (c) { var o = el('option', null, String(c)); o.value = String(c); input.appendChild(o); });
    }
    input.dataset.path = path; input.dataset.kind = kind; input.name = path;
    if (kind === 'bool') { input.type = 'checkbox'; input.checked = value; }
    else if (kind === 'number') { if (!choices[pattern]) { input.type = 'number'; input.step = 'any'; } input.value = value; }
    else if (kind === 'text' && value === '***') { input.type = 'password'; input.placeholder = 'unchanged'; input.dataset.secret = '1'; input.value = ''; }
    else { input.value = Array.isArray(value) ? value.join(', ') : (value === null ? '' : value); }
    if (readOnly[pattern]) { input.disabled = true; }
    input.dataset.original = JSON.stringify(value);
    return input;
  }
  function valueOf(input) {
    var kind = input.dataset.kind;
    if (input.dataset.secret && input.value === '') { return '***'; }
    if (kind === 'bool') { return input.checked; }
    if (kind === 'number') { return input.value === '' ? null : Number(input.value); }
    if (kind === 'numbers' || kind === 'strings') {
      var parts = input.value.split(',').map(function (s) { return s.trim(); }).filter(function (s) { return s !== ''; });
      return kind === 'numbers' ? parts.map(Number) : parts;
    }
    return input.value;
  }
  function changed(input) { return JSON.stringify(valueOf(input)) !== input.dataset.original; }
  function field(label, input) {
    var f = el('label', 'field' + (input.type === 'checkbox' ? ' check' : ''));
    f.title = input.dataset.path;
    if (input.type === 'checkbox') { f.appendChild(input); f.appendChild(el('span', null, label)); }
    else { f.appendChild(el('span', null, label)); f.appendChild(input); }
    f.appendChild(el('span', 'field-error'));
    return f;
  }
  function tableOf(name, rows, form) {
    var keys = [], template = rowTemplates[name];
    if (template) { keys = Object.keys(template); }
    rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } }); });
    var t = el('table'), head = t.createTHead().insertRow(-1), body = t.createTBody();
    keys.forEach(function (k) { head.appendChild(el('th', null, labelOf(k))); });
    var addRow = function (r, fresh) {
      var row = body.insertRow(-1), i = body.rows.length - 1;
      keys.forEach(function (k) {
        var cell = row.insertCell(-1);
        var input = makeInput(name + '[' + i + '].' + k, r[k] === undefined ? '' : r[k], name + '[].' + k);
        if (fresh) { input.dataset.original = 'null'; }
        cell.appendChild(input);
        cell.appendChild(el('div', 'field-error'));
      });
      if (template) {
        var remove = el('button', null, 'Remove');
        remove.type = 'button';
        remove.addEventListener('click', function () {
          body.removeChild(row); form.dataset.dirty = '1';
          // Paths follow the row's place, as the server's messages do.
          Array.prototype.forEach.call(body.rows, function (r2, j) {
            r2.querySelectorAll('[data-path]').forEach(function (input) {
              input.dataset.path = input.dataset.path.replace(/\[\d+\]/, '[' + j + ']'); input.name = input.dataset.path;
            });
          });
        });
        row.insertCell(-1).appendChild(remove);
      }
    };
    rows.forEach(function (r) { addRow(r, false); });
    var wrap = el('div', 'scroll'); wrap.appendChild(t);
    if (template) {
      var add = el('button', null, 'Add');
      add.type = 'button';
      add.addEventListener('click', function () { addRow(JSON.parse(JSON.stringify(template)), true); form.dataset.dirty = '1'; });
      wrap.appendChild(add);
    }
    return wrap;
  }
  function buildForms(cfg) {
    var box = $('config-forms');
    box.textContent = '';
    var general = {};
    Object.keys(cfg).forEach(function (k) {
      var v = cfg[k];
      if (k === 'users' || k === 'adminPasswordHash') { return; }
      if (k === 'alarms') { var ab = $('alarm-config'); ab.textContent = ''; ab.appendChild(alarmsForm(v)); return; }
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) { box.appendChild(sectionForm(k, v)); }
      else if (rowTemplates[k] || (Array.isArray(v) && v.length && typeof v[0] === 'object')) { box.appendChild(sectionForm(k, v)); }
      else { general[k] = v; }
    });
    box.insertBefore(sectionForm('general', general), box.firstChild);
    var users = el('div'); users.id = 'users-box';
    box.appendChild(users);
    renderUsers();
  }

  // ---------- users (GET /api/v1/config "users": names and roles; PUT/DELETE /api/v1/users/<name>) ----------
  var roles = ['viewer', 'operator', 'admin'];
  function roleSelect(value) {
    var s = el('select');
    roles.forEach(function (r) { var o = el('option', null, r); o.value = r; s.appendChild(o); });
    s.value = value;
    return s;
  }
  // A cell holding an input and the slot for the server's message about it.
  function userCell(row, input, field) {
    var cell = row.insertCell(-1);
    if (input) { input.dataset.userField = field; cell.appendChild(input); }
    cell.appendChild(el('div', 'field-error'));
    return cell;
  }
  // The server names the field first ("name: ...", "role: ...", "password must be ..."); others go next to Save.
  function showUserError(scope, msg, message) {
    var m = /^(name|role|password)\b/.exec(message);
    var input = m ? scope.querySelector('[data-user-field="' + m[1] + '"]') : null;
    if (input) {
      input.classList.add('invalid');
      text(input.parentNode.querySelector('.field-error'), message);
      msg.className = 'form-message error'; text(msg, 'Not saved: see the marked field.');
    } else {
      msg.className = 'form-message error'; text(msg, message);
    }
  }
  function userWrite(method, name, body, scope, msg, done) {
    clearErrors(scope);
    msg.className = 'form-message'; text(msg, method === 'DELETE' ? 'Deleting…' : 'Saving…');
    write(method, '/api/v1/users/' + encodeURIComponent(name), body, function (r) {
      if (r.status >= 200 && r.status < 300) {
        state.usersMessage = { name: name, text: done };
        loadConfig();
      } else {
        showUserError(scope, msg, errorOf(r.body, r.status));
      }
    });
  }
  function renderUsers() {
    var box = $('users-box'), list = state.config && state.config.users;
    if (!box) { return; }
    box.textContent = '';
    if (!list) { return; }
    var set = el('fieldset'); set.id = 'users';
    set.appendChild(el('legend', null, 'Users'));
    box.appendChild(set);
    if (state.role !== 'admin') {
      // Everyone who may read sees who exists; only an administrator manages users.
      list.forEach(function (u) { set.appendChild(el('div', null, u.name + ' – ' + u.role)); });
      return;
    }
    var note = state.usersMessage; state.usersMessage = null;
    var t = el('table'), head = t.createTHead().insertRow(-1), body = t.createTBody();
    ['Name', 'Role', 'New password', ''].forEach(function (h) { head.appendChild(el('th', null, h)); });
    list.forEach(function (u) {
      var row = body.insertRow(-1);
      row.dataset.user = u.name;
      userCell(row, el('b', null, u.name), 'name');
      var role = roleSelect(u.role);
      userCell(row, role, 'role');
      var password = el('input'); password.type = 'password'; password.placeholder = 'unchanged';
      password.autocomplete = 'new-password';
      userCell(row, password, 'password');
      var actions = row.insertCell(-1), save = el('button', 'primary', 'Save'), del = el('button', null, 'Delete');
      save.type = 'button'; del.type = 'button';
      var msg = el('span', 'form-message'); msg.setAttribute('role', 'status');
      actions.appendChild(save); actions.appendChild(del); actions.appendChild(msg);
      if (note && note.name === u.name) { msg.className = 'form-message ok-text'; text(msg, note.text); }
      save.addEventListener('click', function () {
        var doc = {};
        if (role.value !== u.role) { doc.role = role.value; }
        if (password.value !== '') { doc.password = password.value; }
        if (!Object.keys(doc).length) { msg.className = 'form-message'; text(msg, 'Nothing changed.'); return; }
        userWrite('PUT', u.name, doc, row, msg, 'Saved.');
      });
      // Two clicks delete: no confirm() box, which would also stop a scripted browser.
      del.addEventListener('click', function () {
        if (del.dataset.armed !== '1') { del.dataset.armed = '1'; text(del, 'Really delete?'); return; }
        userWrite('DELETE', u.name, undefined, row, msg, 'Deleted.');
      });
    });
    var wrap = el('div', 'scroll'); wrap.appendChild(t); set.appendChild(wrap);
    if (note && !list.some(function (u) { return u.name === note.name; })) {
      set.appendChild(el('p', 'ok-text', 'User ' + note.name + ': ' + note.text));
    }

    // A new user (name, role, password); an existing name changes that user.
    var form = el('form'); form.id = 'user-add';
    form.appendChild(el('h3', null, 'Add a user'));
    var name = el('input'); name.id = 'user-add-name'; name.autocomplete = 'off'; name.dataset.userField = 'name';
    var newRole = roleSelect('viewer'); newRole.id = 'user-add-role'; newRole.dataset.userField = 'role';
    var newPassword = el('input'); newPassword.id = 'user-add-password'; newPassword.type = 'password';
    newPassword.autocomplete = 'new-password'; newPassword.dataset.userField = 'password';
    [['Name', name], ['Role', newRole], ['Password (8..64 characters)', newPassword]].forEach(function (f) {
      var label = el('label', 'field'); label.appendChild(el('span', null, f[0])); label.appendChild(f[1]);
      label.appendChild(el('span', 'field-error')); form.appendChild(label);
    });
    var actions = el('div', 'form-actions'), add = el('button', 'primary', 'Add user');
    add.type = 'submit'; add.id = 'user-add-submit';
    var msg = el('span', 'form-message'); msg.setAttribute('role', 'status');
    actions.appendChild(add); actions.appendChild(msg); form.appendChild(actions);
    form.addEventListener('submit', function (evt) {
      evt.preventDefault();
      if (name.value === '') { clearErrors(form); showUserError(form, msg, 'name: required'); return; }
      userWrite('PUT', name.value, { role: newRole.value, password: newPassword.value }, form, msg, 'Saved.');
    });
    set.appendChild(form);
  }
  function sectionForm(name, value) {
    var form = el('form'), set = el('fieldset');
    form.id = 'config-' + name;
    set.appendChild(el('legend', null, sectionNames[name] || name));
    if (Array.isArray(value)) { set.appendChild(tableOf(name, value, form)); }
    else {
      Object.keys(value).forEach(function (k) {
        var path = name === 'general' ? k : name + '.' + k;
        set.appendChild(field(labelOf(k), makeInput(path, value[k], path)));
      });
    }
    var actions = el('div', 'form-actions'), save = el('button', 'primary', 'Save');
    save.type = 'submit'; save.id = 'save-' + name;
    actions.appendChild(save);
    var msg = el('span', 'form-message'); msg.setAttribute('role', 'status');
    actions.appendChild(msg);
    set.appendChild(actions);
    form.appendChild(set);
    form.addEventListener('submit', function (evt) { evt.preventDefault(); saveSection(form, name, msg); });
    return form;
  }
  // The partial document of what changed: objects keep only changed fields; channels[i] keep their place
  // (shorter arrays leave the rest alone); other lists are replaced whole, as the importer does.
  function partial(form, name) {
    var doc = {}, any = false, inputs = form.querySelectorAll('[data-path]');
    if (name === 'channels') {
      var list = [];
      inputs.forEach(function (input) {
        if (!changed(input)) { return; }
        var m = /^channels\[(\d+)\]\.(\w+)$/.exec(input.dataset.path);
        var i = Number(m[1]);
        while (list.length <= i) { list.push({}); }
        list[i][m[2]] = valueOf(input); any = true;
      });
      doc.channels = list;
    } else if (Array.isArray(state.config[name])) {
      var rows = [];
      any = form.dataset.dirty === '1';
      inputs.forEach(function (input) {
        var m = /^\w+\[(\d+)\]\.(\w+)$/.exec(input.dataset.path);
        var i = Number(m[1]);
        while (rows.length <= i) { rows.push({}); }
        rows[i][m[2]] = valueOf(input);
        if (changed(input)) { any = true; }
      });
      doc[name] = rows;
    } else {
      // Nested paths (alarms.rules.loadHigh.warning) become nested objects of only what changed.
      inputs.forEach(function (input) {
        if (!changed(input)) { return; }
        var keys = input.dataset.path.split('.'), target = doc;
        for (var i = 0; i < keys.length - 1; i++) { target = target[keys[i]] || (target[keys[i]] = {}); }
        target[keys[keys.length - 1]] = valueOf(input); any = true;
      });
    }
    return any ? doc : null;
  }
  function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(function (e) { e.classList.remove('invalid'); });
  }
  // "channels[2].ctRatedA: must be ..." goes next to that field (or the closest enclosing one).
  function showFieldError(form, message) {
    var m = /^([A-Za-z][\w]*(?:\[\d+\])?(?:\.[A-Za-z]\w*(?:\[\d+\])?)*):\s/.exec(message);
    var path = m ? m[1] : null;
    while (path) {
      var input = document.querySelector('[data-path="' + path + '"]');
      if (input) {
        input.classList.add('invalid');
        var slot = input.parentNode.querySelector('.field-error');
        if (slot) { text(slot, message); }
        input.focus();
        return true;
      }
      var cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut > 0 ? path.slice(0, cut) : null;
    }
    return false;
  }
  function saveSection(form, name, msg) {
    clearErrors(form);
    msg.className = 'form-message';
    var doc = partial(form, name);
    if (!doc) { text(msg, 'Nothing changed.'); return; }
    text(msg, 'Saving…');
    write('PUT', '/api/v1/config', doc, function (r) {
      if (r.status >= 200 && r.status < 300) {
        msg.className = 'form-message ok-text'; text(msg, 'Saved.');
        loadConfig().then(function () {
          var again = $('config-' + name);
          if (again) { var m2 = again.querySelector('.form-message'); m2.className = 'form-message ok-text'; text(m2, 'Saved.'); }
        });
      } else {
        var message = errorOf(r.body, r.status);
        msg.className = 'form-message error';
        text(msg, showFieldError(form, message) ? 'Not saved: see the marked field.' : message);
      }
    });
  }

  // ---------- front panel mirror (GET /api/v1/panel, POST /api/v1/panel/keys) ----------
  // Self-contained: its own state and timer. The PNG is fetched with revalidation (ETag = frame number), so an
  // unchanged panel costs a 304 a second; a 404 means this e-Probe has no panel: the view goes away.
  (function () {
    var panel = { etag: null, url: null, off: false, busy: false };
    function panelRefresh() {
      if (panel.off || panel.busy) { return; }
      panel.busy = true;
      fetch('/api/v1/panel?scale=4', { credentials: 'same-origin', cache: 'no-cache', headers: { 'X-Requested-With': 'e-probe' } })
        .then(function (r) {
          if (r.status === 404) { panel.off = true; $('panel').hidden = true; $('nav-panel').hidden = true; return null; }
          if (r.status !== 200) { text($('panel-note'), '(HTTP ' + r.status + ')'); return null; }
          var tag = r.headers.get('ETag');
          if (tag && tag === panel.etag) { return null; }
          panel.etag = tag;
          return r.blob();
        })
        .then(function (blob) {
          panel.busy = false;
          if (!blob) { return; }
          var old = panel.url;
          panel.url = URL.createObjectURL(blob);
          $('panel-image').src = panel.url;
          if (old) { URL.revokeObjectURL(old); }
          text($('panel-note'), panel.etag ? '(frame ' + Number(panel.etag.replace(/\D/g, '')) + ')' : '');
        }, function () { panel.busy = false; text($('panel-note'), '(the e-Probe does not answer)'); });
    }
    function panelPress(key) {
      var longPress = $('panel-long').checked;
      var msg = $('panel-message');
      write('POST', '/api/v1/panel/keys', { keys: [key], long: longPress }, function (r) {
        if (r.status === 202) {
          msg.className = 'muted'; text(msg, (longPress ? 'Long press: ' : 'Pressed: ') + key);
          $('panel-long').checked = false;
          setTimeout(panelRefresh, longPress ? 1800 : 350);
        } else {
          msg.className = 'error'; text(msg, errorOf(r.body, r.status));
        }
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll('.panel-keys button'), function (b) {
      b.addEventListener('click', function () { panelPress(b.dataset.key); });
    });
    panelRefresh();
    setInterval(panelRefresh, 1000);
  })();

  // ---------- start ----------
  $('login-form').addEventListener('submit', login);
  $('login-open').addEventListener('click', function () { askLogin(''); });
  $('login-cancel').addEventListener('click', function () { $('login').hidden = true; state.pending = null; });
  $('logout').addEventListener('click', logout);
  $('password-form').addEventListener('submit', changePassword);
  $('trend-channel').addEventListener('change', loadTrend);
  $('module-select').addEventListener('change', function () { selectModule(Number($('module-select').value)); });
  Array.prototype.forEach.call(document.querySelectorAll('#trend-range button'), function (b) {
    b.addEventListener('click', function () {
      state.range = b.dataset.range;
      document.querySelectorAll('#trend-range button').forEach(function (o) { o.classList.toggle('active', o === b); });
      loadTrend();
    });
  });
  probeSession().then(function () {
    showUser();
    loadConfig().then(function () { refresh(); loadModules(); loadAlarms(); setTimeout(function () { loadEnergy(); loadPue(); }, 300); });
  });
  setInterval(refresh, 1000);
  setInterval(loadAlarms, 2000);
  setInterval(loadModules, 2000);
  $('alarm-log-size').addEventListener('change', loadAlarms);
  setInterval(function () { loadEnergy(); loadPue(); }, 60000);
})();

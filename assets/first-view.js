// The static first view answers before the app has started (and in a browser without
// WebAssembly): its regions become buttons; a click, Enter or Space shows the region's panel,
// written at build time by the app's own panel function (the page's <template>s); the pointer
// or the focus shows the region's values in the line under the map. The URL records the choice
// (the app's own query, data-href), so the app opens the same view when it starts. The app
// removes the static view, and these handlers then find nothing to do. Loaded with `defer`: it
// runs once the page is parsed, before the app starts, and does not hold the first paint.
(function () {
  'use strict';
  var national = null;
  var root = document.documentElement;
  function view() { return document.getElementById('first-view'); }
  function codeAt(el) {
    var v = view();
    var p = v && el && el.closest ? el.closest('svg.map path[data-key]') : null;
    return p && v.contains(p) ? p.getAttribute('data-key').split('/')[0] : null;
  }
  function template(code) { return view().querySelector('template[data-code="' + code + '"]'); }
  function line(code) {
    var info = view().querySelector('.info-line');
    var t = code && template(code);
    var f = t && t.content.querySelector('.figures');
    info.textContent = f ? f.textContent : info.getAttribute('data-hint');
  }
  var picked = null;
  // The region the address names, when it is the static map's own choice (?region=53 and
  // nothing else), else null.
  function fromUrl() {
    var code = new URLSearchParams(location.search).get('region');
    var t = code && template(code);
    return t && t.getAttribute('data-href') === location.search ? code : null;
  }
  function select(code, push) {
    var v = view();
    var panel = v.querySelector('.panel');
    if (!national) national = panel.cloneNode(true);
    var t = code && template(code);
    picked = t ? code : null;
    v.querySelectorAll('svg.map .region').forEach(function (p) {
      var on = p.getAttribute('data-key').split('/')[0] === picked;
      p.classList.toggle('selected', on);
      if (p.hasAttribute('aria-pressed')) p.setAttribute('aria-pressed', String(on));
    });
    panel.textContent = '';
    var from = t ? t.content : national;
    for (var c = from.firstChild; c; c = c.nextSibling) panel.appendChild(c.cloneNode(true));
    if (push) history.pushState(null, '', (t && t.getAttribute('data-href')) || location.pathname);
    // On a phone the answer is below the map: bring it into view, as the app does.
    if (t && innerWidth < 900) panel.scrollIntoView(true);
  }
  function enhance() {
    var v = view();
    if (!v) return;
    var svg = v.querySelector('svg.map');
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', svg.getAttribute('data-label'));
    v.querySelectorAll('svg.map path[data-key]').forEach(function (p) {
      var key = p.getAttribute('data-key').split('/');
      var title = p.querySelector('title');
      p.classList.add('region');
      if (key.length > 1) {
        // The Île-de-France inset: a click selects the region; the keyboard reaches the region.
        p.classList.add('inset-shape');
        return;
      }
      p.setAttribute('role', 'button');
      p.setAttribute('tabindex', '0');
      p.setAttribute('aria-pressed', 'false');
      if (title) { p.setAttribute('aria-label', title.textContent); p.removeChild(title); }
    });
    line(null);
    // A link to a region picked on the map opens with its panel.
    if (fromUrl()) select(fromUrl(), false);
    v.addEventListener('click', function (e) {
      var code = codeAt(e.target);
      if (code) { if (code !== picked) select(code, true); return; }
      if (e.target.closest('.panel .back')) { select(null, true); return; }
      var a = e.target.closest('.panel a[href]');
      // The region's page: the app opens it from the URL when it starts.
      // (Without WebAssembly the link is followed: the page says the app cannot start.)
      if (a && root.classList.contains('wasm') && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        history.pushState(null, '', a.getAttribute('href'));
        a.textContent = 'Chargement de la fiche…';
        a.setAttribute('aria-disabled', 'true');
      }
    });
    v.addEventListener('keydown', function (e) {
      var code = codeAt(e.target);
      if (code && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); if (code !== picked) select(code, true); }
    });
    ['mouseover', 'focusin'].forEach(function (t) {
      v.addEventListener(t, function (e) { var c = codeAt(e.target); if (c) line(c); });
    });
    ['mouseout', 'focusout'].forEach(function (t) {
      v.addEventListener(t, function (e) { if (codeAt(e.target)) line(picked); });
    });
    addEventListener('popstate', function () {
      if (!view()) return;
      select(fromUrl(), false);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
  else enhance();
})();

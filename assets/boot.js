// Never a blank page: if the app cannot start (no WebAssembly, a failed or corrupt download, an
// error while starting), replace the loading text with a French message and a retry button.
// A separate file (not inline) so that the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  'use strict';
  var started = false;
  // The static table of key figures (written at build time, visible without JavaScript) is hidden
  // while the app can run, and shown again whenever it cannot.
  var root = document.documentElement;
  if (typeof WebAssembly === 'object') root.classList.add('wasm');
  function show(reason, stopped) {
    if (started && !stopped) return;
    root.classList.remove('wasm');
    var boot = document.getElementById('boot');
    if (!boot) {
      // Before the body is parsed (a stylesheet failing in <head>): say it once it is there.
      document.addEventListener('DOMContentLoaded', function () { show(reason, stopped); });
      return;
    }
    boot.removeAttribute('hidden');
    if (stopped) {
      // The app no longer answers: hide what it drew, keep the message and the static figures.
      document.body.classList.add('app-stopped');
      document.body.insertBefore(boot, document.body.firstChild);
    }
    boot.setAttribute('role', 'alert');
    boot.className = 'boot error';
    boot.textContent = '';
    var p = document.createElement('p');
    p.textContent = stopped
      ? "Le tableau de bord s'est arrêté (" + reason + '). Rechargez la page pour reprendre.'
      : "Le tableau de bord n'a pas pu démarrer (" + reason + '). Vérifiez la connexion puis réessayez ; il faut un navigateur récent (avec WebAssembly).';
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Réessayer';
    b.addEventListener('click', function () { location.reload(); });
    boot.appendChild(p);
    boot.appendChild(b);
  }
  window.__fragiliteFatal = show;
  // Called by the app's panic hook (app/src/browser.rs) once it has started.
  window.__fragiliteStopped = function (reason) { show(reason, true); };

  // Offline after the first visit: the service worker (sw.js, written at build time) precaches this
  // version's files. When a new deployment has been downloaded in the background, a small notice
  // offers to switch; the page keeps running the old files until then (never a mix).
  function offerUpdate(worker) {
    if (document.getElementById('update-notice')) return;
    var bar = document.createElement('div');
    bar.id = 'update-notice';
    bar.className = 'update-notice';
    bar.setAttribute('role', 'status');
    var p = document.createElement('span');
    p.textContent = 'Une nouvelle version du tableau de bord est disponible.';
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Mettre à jour';
    b.addEventListener('click', function () {
      b.disabled = true;
      navigator.serviceWorker.addEventListener('controllerchange', function () { location.reload(); });
      worker.postMessage('skip-waiting');
    });
    bar.appendChild(p);
    bar.appendChild(b);
    document.body.appendChild(bar);
  }
  if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
    addEventListener('load', function () {
      navigator.serviceWorker.register('sw.js').then(function (reg) {
        if (!reg) return; // workers blocked (browser policy or test harness)
        if (reg.waiting && navigator.serviceWorker.controller) offerUpdate(reg.waiting);
        reg.addEventListener('updatefound', function () {
          var w = reg.installing;
          if (!w) return;
          w.addEventListener('statechange', function () {
            if (w.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(w);
          });
        });
      }, function (e) { console.warn('service worker: ' + e); });
    });
  }
  if (typeof WebAssembly !== 'object') {
    document.addEventListener('DOMContentLoaded', function () { show('WebAssembly indisponible dans ce navigateur'); });
    return;
  }
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  // After the start, a trap of the wasm (a panic whose hook could not run, memory exhausted…)
  // leaves the app unusable: say so, rather than leave a page that no longer answers.
  addEventListener('error', function (e) {
    if (!started || !(e.error instanceof WebAssembly.RuntimeError)) return;
    var boot = document.getElementById('boot');
    if (!boot || boot.getAttribute('role') === 'alert') return; // the panic hook already spoke
    show('erreur ' + e.error.message, true);
  });
  addEventListener('error', function (e) {
    if (started) return;
    var t = e.target;
    if (t && t.tagName === 'LINK' && t.rel === 'stylesheet') {
      // Failed or blocked by its integrity: the app does not start on an unstyled page (it checks
      // window.__fragiliteNoStyle), the message and the static figures are shown instead.
      window.__fragiliteNoStyle = true;
      show('feuille de style non chargée');
      return;
    }
    show(e.message || 'erreur de chargement');
  }, true);
  addEventListener('unhandledrejection', function (e) { if (!started) show(String(e.reason && e.reason.message || e.reason)); });
  setTimeout(function () { if (!started && document.getElementById('boot')) show('délai dépassé'); }, 20000);
})();


// Never a blank page: if the app cannot start (no WebAssembly, a failed or corrupt download, an
// error while starting), replace the loading text with a French message and a retry button.
// A separate file (not inline) so that the Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  'use strict';
  var started = false;
  function show(reason) {
    if (started) return;
    var boot = document.getElementById('boot');
    if (!boot) return;
    boot.setAttribute('role', 'alert');
    boot.className = 'boot error';
    boot.textContent = '';
    var p = document.createElement('p');
    p.textContent = "Le tableau de bord n'a pas pu démarrer (" + reason + '). Vérifiez la connexion puis réessayez ; il faut un navigateur récent (avec WebAssembly).';
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Réessayer';
    b.addEventListener('click', function () { location.reload(); });
    boot.appendChild(p);
    boot.appendChild(b);
  }
  window.__fragiliteFatal = show;
  if (typeof WebAssembly !== 'object') {
    document.addEventListener('DOMContentLoaded', function () { show('WebAssembly indisponible dans ce navigateur'); });
    return;
  }
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  addEventListener('error', function (e) { if (!started) show(e.message || 'erreur de chargement'); }, true);
  addEventListener('unhandledrejection', function (e) { if (!started) show(String(e.reason && e.reason.message || e.reason)); });
  setTimeout(function () { if (!started && document.getElementById('boot')) show('délai dépassé'); }, 20000);
})();

// Forms that are sent once (D32): a POST form gets a one-time "_once" value when it is submitted, so a second
// click, a retry after a cut connection or "back" and "send" again reaches the server with the same value and is
// answered with the first answer instead of writing twice. The buttons rest while the answer comes.
(function () {
  'use strict';
  function token() {
    var b = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  // htmx sends its own requests (their values must not repeat), and a download form (data-once="off") may be sent
  // again on purpose.
  function skipped(f) {
    return f.getAttribute('data-once') === 'off' || f.hasAttribute('hx-post') || f.hasAttribute('hx-put') || f.hasAttribute('hx-patch') || f.hasAttribute('hx-delete');
  }
  function buttons(f) {
    return f.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]');
  }
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!(f instanceof HTMLFormElement) || (f.getAttribute('method') || '').toLowerCase() !== 'post' || skipped(f)) return;
    var once = f.querySelector('input[name=_once]');
    if (!once) {
      once = document.createElement('input');
      once.type = 'hidden';
      once.name = '_once';
      once.value = token();
      f.appendChild(once);
    }
    // After the form data is taken (a clicked button's name and value go with it), not before.
    setTimeout(function () {
      buttons(f).forEach(function (b) { b.disabled = true; });
    }, 0);
    // Still here after a while (a download, a slow answer): the buttons come back, and a new click is a new request.
    setTimeout(function () {
      buttons(f).forEach(function (b) { b.disabled = false; });
      once.value = token();
    }, 8000);
  });
  // "Back" to a page that was kept in memory: the buttons work again (the value stays: sending again is a retry).
  window.addEventListener('pageshow', function (e) {
    if (!e.persisted) return;
    document.querySelectorAll('form').forEach(function (f) {
      buttons(f).forEach(function (b) { b.disabled = false; });
    });
  });
})();

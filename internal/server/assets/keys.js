// Keyboard shortcuts for the reviewer's workbench. Everything they do is
// also a link on the page (and an accesskey), so the workbench works with
// JavaScript off.
//   n  next unreviewed finding    q  review queue    c  country    r  focus the rationale
(function () {
  'use strict';
  var links = { n: 'next', q: 'queue', c: 'country' };
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) { return; }
    if (e.key === 'r') {
      var ta = document.getElementById('rationale');
      if (ta) { e.preventDefault(); ta.focus(); }
      return;
    }
    var name = links[e.key];
    if (!name) { return; }
    var a = document.querySelector('a[data-key="' + name + '"]');
    if (a) { e.preventDefault(); window.location.assign(a.href); }
  });
}());

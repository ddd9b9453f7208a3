// After a failed submit the page's error summary (role=alert, tabindex=-1) takes the focus, so
// keyboard and screen-reader users land on the list of problems. The summary also carries
// `autofocus`, which does the same without this script in current browsers; this covers the
// rest. No inline script: the Content-Security-Policy allows scripts from this origin only.
(function () {
  function focusSummary() {
    var summary = document.querySelector('[role="alert"][tabindex="-1"]');
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', focusSummary);
  } else {
    focusSummary();
  }
})();

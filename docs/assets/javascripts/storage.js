/* Everything this site keeps in the reader's browser goes through here, under one prefix.
 * The prefix includes the site's path: GitHub Pages project sites share one origin. */
(function () {
  var scope = typeof __md_scope !== "undefined" ? __md_scope.pathname : "/";
  var prefix = "guide:" + scope + ":";

  function keys() {
    var found = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key && key.indexOf(prefix) === 0) found.push(key);
    }
    return found;
  }

  window.guideStore = {
    /* Stored JSON for `name`, or `fallback` when absent; throws SyntaxError when damaged. */
    read: function (name, fallback) {
      var raw = localStorage.getItem(prefix + name);
      return raw === null ? fallback : JSON.parse(raw);
    },
    write: function (name, value) { localStorage.setItem(prefix + name, JSON.stringify(value)); },
    remove: function (name) { localStorage.removeItem(prefix + name); },
    /* Names (without the prefix) of everything this site stored, optionally under `start`. */
    names: function (start) {
      return keys().map(function (key) { return key.slice(prefix.length); })
        .filter(function (name) { return !start || name.indexOf(start) === 0; });
    },
    /* Remove everything this site stored; other sites' data on the same origin stays. */
    clearAll: function () { keys().forEach(function (key) { localStorage.removeItem(key); }); }
  };
})();

// placeholder entry, replaced by the widget modules
(function () {})();

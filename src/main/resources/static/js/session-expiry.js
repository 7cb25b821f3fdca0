// Tells a signed-in person a minute before their admin session ends, with a button that keeps it
// (a POST that counts as activity). Without this script the session simply ends, and the next page
// asks to sign in again with a word on why. Times come from the page (seconds the server counted
// when it made it); tabs share the latest activity through localStorage, so that working in one
// tab does not leave a stale warning in another.
(function () {
  'use strict';
  var body = document.body;
  var idle = Number(body.getAttribute('data-session-idle'));
  var ends = Number(body.getAttribute('data-session-ends'));
  var keepUrl = body.getAttribute('data-session-keep');
  if (!keepUrl || !(idle >= 0) || !(ends >= 0)) {
    return;
  }
  var WARN_MS = 60 * 1000;
  var KEY = 'vertebra.session.idleEnds';
  var idleEnds = Date.now() + idle * 1000;
  var endsAt = Date.now() + ends * 1000;
  var notice = null;
  var timer = null;

  function shared() {
    try {
      var other = Number(window.localStorage.getItem(KEY));
      return other > idleEnds ? other : idleEnds;
    } catch (e) {
      return idleEnds;
    }
  }

  function share() {
    try {
      window.localStorage.setItem(KEY, String(idleEnds));
    } catch (e) {
      // private mode: this tab counts on its own
    }
  }

  function show(text, canKeep) {
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'session-notice';
      notice.setAttribute('role', 'alert');
      body.appendChild(notice);
    }
    notice.textContent = '';
    var p = document.createElement('p');
    p.textContent = text;
    notice.appendChild(p);
    if (canKeep) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Stay signed in';
      button.addEventListener('click', keep);
      notice.appendChild(button);
      button.focus();
    } else {
      var link = document.createElement('a');
      link.href = '/admin/sign-in/?next=' + encodeURIComponent(location.pathname + location.search);
      link.textContent = 'Sign in again';
      notice.appendChild(link);
    }
  }

  function hide() {
    if (notice) {
      notice.remove();
      notice = null;
    }
  }

  function keep() {
    var token = body.getAttribute('data-csrf');
    fetch(keepUrl, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': token } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('signed out');
        }
        return response.json();
      })
      .then(function (left) {
        idleEnds = Date.now() + left.idleSeconds * 1000;
        endsAt = Date.now() + left.endsSeconds * 1000;
        share();
        hide();
        schedule();
      })
      .catch(function () {
        show('Your session has ended. Sign in again to go on.', false);
      });
  }

  function tick() {
    var now = Date.now();
    idleEnds = shared();
    var first = Math.min(idleEnds, endsAt);
    if (now >= first) {
      show('Your session has ended. Sign in again to go on.', false);
      return;
    }
    if (first - now <= WARN_MS) {
      if (endsAt <= idleEnds) {
        show('Your session ends in less than a minute, as every session does some hours after signing in. '
          + 'Save your work; you will then need to sign in again.', false);
      } else {
        show('You will be signed out in less than a minute, as nothing has happened for a while.', true);
      }
    } else {
      hide();
    }
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    var first = Math.min(shared(), endsAt);
    var wait = first - Date.now();
    timer = setTimeout(tick, wait > WARN_MS ? wait - WARN_MS : Math.min(wait, 5000) + 50);
  }

  window.addEventListener('storage', function (event) {
    if (event.key === KEY) {
      schedule();
    }
  });
  share();
  schedule();
})();

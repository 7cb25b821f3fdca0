// The reading list's article picker (reading/send.jte): a box that narrows the list to titles
// containing what is typed. Without scripts the whole list shows and the box stays hidden.
(function () {
  'use strict';
  var box = document.getElementById('article-filter');
  var list = document.getElementById('article-choices');
  if (!box || !list) {
    return;
  }
  box.parentElement.hidden = false;
  box.addEventListener('input', function () {
    var wanted = box.value.trim().toLowerCase();
    list.querySelectorAll('.reading-choice').forEach(function (item) {
      // A ticked article stays in sight, so that what will be sent is never hidden.
      var ticked = item.querySelector('input').checked;
      item.hidden = wanted !== '' && !ticked && item.textContent.toLowerCase().indexOf(wanted) < 0;
    });
  });
}());

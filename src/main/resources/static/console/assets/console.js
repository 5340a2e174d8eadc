// The console's few behaviours. A button with data-dialog="id" opens that <dialog>; its confirm button submits the
// dialog's own form (a POST with the CSRF token). Dates keep their ISO form in the URL.
document.addEventListener('click', function (event) {
  var opener = event.target.closest('[data-dialog]');
  if (opener) {
    var dialog = document.getElementById(opener.getAttribute('data-dialog'));
    if (dialog) {
      // one dialog for many rows: the button names where its form posts
      var action = opener.getAttribute('data-action');
      var form = dialog.querySelector('form');
      if (action && form) { form.setAttribute('action', action); }
      dialog.showModal();
    }
    return;
  }
  var closer = event.target.closest('[data-close]');
  if (closer) {
    closer.closest('dialog').close();
  }
});

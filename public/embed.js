// The SEN support assistant on any website: a launcher button and a chat panel (a full-screen
// sheet on a phone), served by the assistant's own server, nothing from a CDN.
//
//   <script src="https://sen-support.example.org/embed.js" defer
//           data-title="Ask about SEN support" data-position="right"></script>
//
// The panel shows the compact page /embed in an iframe. Only sites listed in the server's
// EMBED_ORIGINS may embed it: the server sends that list here (and enforces it with CSP
// frame-ancestors); on any other site this script shows nothing. Open or closed is remembered
// for the visit (sessionStorage). Keyboard: the launcher is a button; Escape closes the panel;
// focus goes back to the launcher when it closes.
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.senSupportChatLoaded) return;
  window.senSupportChatLoaded = true;

  /* The server fills in EMBED_ORIGINS. */
  var ALLOWED = /*EMBED_ORIGINS*/ [];
  var OPEN_KEY = 'sen-support-chat:open';
  var botOrigin = new URL(script.src, location.href).origin;

  if (location.origin !== botOrigin && ALLOWED.indexOf(location.origin) < 0) {
    console.warn('SEN support assistant: ' + location.origin + ' is not in the server\'s EMBED_ORIGINS, so the chat is not shown here.');
    return;
  }

  var label = script.getAttribute('data-title') || 'Ask about SEN support';
  var left = script.getAttribute('data-position') === 'left';
  var phone = window.matchMedia('(max-width: 640px)');

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text) node.textContent = text;
    return node;
  }

  var host = el('div', { id: 'sen-support-chat' });
  var root = host.attachShadow({ mode: 'open' });
  root.appendChild(el('link', { rel: 'stylesheet', href: botOrigin + '/static/embed.css' }));

  var launcher = el('button', { type: 'button', class: 'launcher' + (left ? ' left' : ''), 'aria-expanded': 'false', 'aria-controls': 'sen-chat-panel' });
  var icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z');
  icon.appendChild(path);
  launcher.appendChild(icon);
  launcher.appendChild(el('span', {}, label));

  var panel = el('div', { id: 'sen-chat-panel', class: 'panel' + (left ? ' left' : ''), role: 'dialog', 'aria-labelledby': 'sen-chat-title' });
  panel.hidden = true;
  var header = el('div', { class: 'panel-header' });
  var title = el('h2', { id: 'sen-chat-title' }, 'SEN support assistant');
  var close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close the chat' });
  close.appendChild(el('span', { 'aria-hidden': 'true' }, '\u00d7'));
  header.appendChild(title);
  header.appendChild(close);
  panel.appendChild(header);
  var frame = null;

  root.appendChild(launcher);
  root.appendChild(panel);
  document.body.appendChild(host);

  function remember(open) {
    try {
      sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
    } catch {
      /* storage off: not remembered */
    }
  }

  function wasOpen() {
    try {
      return sessionStorage.getItem(OPEN_KEY) === '1';
    } catch {
      return false;
    }
  }

  /** On a phone the panel covers the page: the page behind is made inert while it is open. */
  var madeInert = [];
  function setPageInert(on) {
    if (on) {
      Array.prototype.forEach.call(document.body.children, function (child) {
        if (child !== host && !child.inert) {
          child.inert = true;
          madeInert.push(child);
        }
      });
    } else {
      madeInert.forEach(function (child) {
        child.inert = false;
      });
      madeInert = [];
    }
  }

  function focusChat() {
    if (!frame) return;
    frame.focus();
    frame.contentWindow.postMessage('sen-support-chat:focus', botOrigin);
  }

  function open(focus) {
    if (!frame) {
      // Loaded on first open: a page view that never opens the chat costs nothing.
      frame = el('iframe', { title: 'Chat with the SEN support assistant (automated)', src: botOrigin + '/embed', allow: 'clipboard-write' });
      frame.addEventListener('load', function () {
        if (!panel.hidden && focus) focusChat();
      });
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    host.classList.add('open');
    var modal = phone.matches;
    panel.setAttribute('aria-modal', modal ? 'true' : 'false');
    launcher.classList.toggle('covered', modal);
    setPageInert(modal);
    remember(true);
    if (focus) focusChat();
  }

  function shut() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.classList.remove('covered');
    host.classList.remove('open');
    setPageInert(false);
    remember(false);
    launcher.focus();
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) open(true);
    else shut();
  });
  close.addEventListener('click', shut);
  root.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') shut();
  });
  // Messages from the chat (the iframe): Escape pressed there; and the conversation to keep,
  // here on the council's own origin, because browsers may block storage in a third-party frame.
  var CONVERSATION_KEY = 'sen-support-chat:conversation';
  window.addEventListener('message', function (event) {
    if (event.origin !== botOrigin || !frame || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (data === 'sen-support-chat:close') shut();
    else if (data && data.type === 'sen-support-chat:load') {
      var value = null;
      try {
        value = JSON.parse(sessionStorage.getItem(CONVERSATION_KEY) || 'null');
      } catch {
        value = null;
      }
      frame.contentWindow.postMessage({ type: 'sen-support-chat:saved', value: value }, botOrigin);
    } else if (data && data.type === 'sen-support-chat:save') {
      try {
        if (data.value) sessionStorage.setItem(CONVERSATION_KEY, JSON.stringify(data.value));
        else sessionStorage.removeItem(CONVERSATION_KEY);
      } catch {
        /* storage off: not kept */
      }
    }
  });
  phone.addEventListener('change', function () {
    if (!panel.hidden) open(false);
  });

  if (wasOpen()) open(false);
})();

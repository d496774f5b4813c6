// The chat page (also the compact page /embed that the embed.js panel and iframes show): asks the
// server how to connect (/api/chat-config), gets a Direct Line token, and renders Bot Framework
// Web Chat (window.WebChat, served from /vendor/webchat.js).
//   mode "local": the server's own Direct Line endpoint (no Azure; only without an app id).
//   mode "azure": Azure's Direct Line, with a token from /api/directline/token (the secret stays on the server).
// The conversation (token and id) is kept in sessionStorage and resumed on reload with its
// history; requests that fail because the server is away are retried ("Reconnecting…") with
// the same clientActivityID, which the server takes once.
(function () {
  'use strict';

  var STORE_KEY = 'sen-support-chat:conversation';
  /** Refresh the token this often (tokens last 30 minutes). */
  var REFRESH_MS = 10 * 60 * 1000;
  /** Wait between retries while the server is away. */
  var RETRY_MS = 2000;
  /** How long Web Chat waits for a message to be taken before it says it was not sent. */
  var SEND_TIMEOUT_MS = 120000;

  var statusEl = document.getElementById('chat-status');
  var area = document.getElementById('chat-area');
  var urgentButton = document.getElementById('urgent-help');
  var restartButton = document.getElementById('start-again');
  var restartConfirm = document.getElementById('restart-confirm');
  var restartYes = document.getElementById('restart-yes');
  var restartNo = document.getElementById('restart-no');
  var storageNote = document.getElementById('storage-note');
  var embedded = document.documentElement.classList.contains('embed');

  var current = null; // { directLine, store, saved, refreshTimer }
  var copyTexts = Object.create(null); // answer id → the card's plain text
  var statusTimer = 0;
  var wantFocus = false;

  function setStatus(text, kind) {
    clearTimeout(statusTimer);
    statusEl.textContent = text;
    statusEl.className = 'chat-status' + (kind ? ' chat-status--' + kind : '');
  }

  /** A message that goes away by itself (unless something else is said meanwhile). */
  function flashStatus(text) {
    setStatus(text, 'info');
    statusTimer = setTimeout(function () {
      if (statusEl.textContent === text) setStatus('', '');
    }, 8000);
  }

  // --- The conversation kept for this tab -------------------------------------------------

  function valid(saved) {
    return saved && typeof saved.token === 'string' && typeof saved.domain === 'string' ? saved : null;
  }

  // In the embed.js panel the chat is a third-party frame, and browsers that block storage in
  // such frames would lose the conversation on every page: there the council page's script
  // keeps it (in its own sessionStorage) for the chat, over postMessage.
  var inPanel = embedded && window.parent !== window;
  /** Set once the embed.js page has answered: it keeps the conversation. */
  var parentKeeps = false;
  var parentOrigin = '*';
  try {
    if (document.referrer) parentOrigin = new URL(document.referrer).origin;
  } catch {
    parentOrigin = '*';
  }

  function askParent() {
    return new Promise(function (resolve) {
      var done = false;
      function finish(value) {
        if (done) return;
        done = true;
        window.removeEventListener('message', onMessage);
        resolve(value);
      }
      function onMessage(event) {
        if (event.source === window.parent && event.data && event.data.type === 'sen-support-chat:saved') {
          parentKeeps = true;
          finish(valid(event.data.value));
        }
      }
      window.addEventListener('message', onMessage);
      window.parent.postMessage({ type: 'sen-support-chat:load' }, parentOrigin);
      // A plain iframe (no embed.js) does not answer.
      setTimeout(function () {
        finish(null);
      }, 800);
    });
  }

  async function loadSaved() {
    var saved = null;
    try {
      saved = valid(JSON.parse(sessionStorage.getItem(STORE_KEY) || 'null'));
    } catch {
      saved = null;
    }
    if (!saved && inPanel) saved = await askParent();
    return saved;
  }

  function save(saved) {
    try {
      if (saved) sessionStorage.setItem(STORE_KEY, JSON.stringify(saved));
      else sessionStorage.removeItem(STORE_KEY);
    } catch {
      // Storage off (private browsing, or a blocked third-party frame): the panel's page keeps it, if any.
    }
    if (inPanel) window.parent.postMessage({ type: 'sen-support-chat:save', value: saved || null }, parentOrigin);
  }

  function forget() {
    save(null);
  }

  /** Whether this tab's sessionStorage can be used (blocked in third-party frames by some browsers, or turned off). */
  function storageWorks() {
    try {
      var probe = 'sen-support-chat:probe';
      sessionStorage.setItem(probe, '1');
      sessionStorage.removeItem(probe);
      return true;
    } catch {
      return false;
    }
  }

  /** Where nothing can keep the conversation, the page says so (embed.js keeps it on the council's page). */
  function noteStorage() {
    if (storageWorks() || parentKeeps) return;
    storageNote.hidden = false;
    area.setAttribute('aria-describedby', 'automated-notice storage-note');
  }

  // --- HTTP ---------------------------------------------------------------------------------

  function wait(ms) {
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  }

  /** fetch, retried while the server cannot be reached (network error, 502, 503, 504). */
  async function request(url, options) {
    for (var attempt = 0; ; attempt += 1) {
      var res;
      try {
        res = await fetch(url, options);
      } catch {
        res = null;
      }
      if (res && [502, 503, 504].indexOf(res.status) < 0) {
        if (attempt > 0) connection.ok();
        return res;
      }
      if (attempt >= 2) connection.lost();
      await wait(RETRY_MS);
    }
  }

  async function postJson(url, token) {
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    var res = await request(url, { method: 'POST', headers: headers, credentials: 'same-origin' });
    if (!res.ok) {
      var e = new Error('HTTP ' + res.status + ' from ' + url);
      e.status = res.status;
      throw e;
    }
    return res.json();
  }

  /** A new conversation's token: from the local endpoint, or from our server's exchange with Azure. */
  async function newConversation() {
    var res = await request('/api/chat-config', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error('HTTP ' + res.status + ' from /api/chat-config');
    var config = await res.json();
    if (config.mode === 'local') {
      var domain = location.origin + config.directLinePath;
      var local = await postJson(domain + '/tokens/generate');
      // Our local tokens are opaque, so Web Chat is told the user id the server gave.
      return { mode: 'local', domain: domain, token: local.token, userId: local.userId, conversationId: null, expiresAt: Date.now() + local.expires_in * 1000 };
    }
    if (!config.available) throw new Error('The chat is not set up on this server.');
    var azure = await postJson('/api/directline/token');
    // Azure's token carries the user id, and Web Chat reads it from there.
    // (Its user id is kept only to end the conversation with: see endOnServer.)
    return { mode: 'azure', domain: config.directLineDomain, token: azure.token, userId: null, tokenUserId: azure.userId || null, conversationId: null, expiresAt: Date.now() + azure.expires_in * 1000 };
  }

  /** A fresh token for the saved conversation; null when it has ended or its token expired. */
  async function refreshed(saved) {
    try {
      var r = await postJson(saved.domain + '/tokens/refresh', saved.token);
      return Object.assign({}, saved, { token: r.token, expiresAt: Date.now() + (r.expires_in || 1800) * 1000 });
    } catch (err) {
      if (err && (err.status === 401 || err.status === 403 || err.status === 404)) return null;
      throw err;
    }
  }

  // --- "Reconnecting…" ----------------------------------------------------------------------

  var connection = {
    away: false,
    lost: function () {
      if (this.away) return;
      this.away = true;
      area.setAttribute('aria-busy', 'true');
      setStatus('Reconnecting… Your conversation is kept. Messages you send will go when the connection is back.', 'warning');
    },
    ok: function () {
      if (!this.away) return;
      this.away = false;
      area.setAttribute('aria-busy', 'false');
      flashStatus('Connected again.');
    },
  };

  function transient(err) {
    var status = err && typeof err.status === 'number' ? err.status : 0;
    return status === 0 || status === 502 || status === 503 || status === 504;
  }

  /**
   * Direct Line's own client stops polling for good after one network error, so the next
   * message after a server restart shows "Send failed". Its requests are retried here instead,
   * for as long as the server is away; a retried send keeps its clientActivityID.
   */
  function keepTrying(directLine) {
    var services = directLine.services;
    if (!services || typeof services.ajax !== 'function') return;
    var ajax = services.ajax;
    services.ajax = function (config) {
      var failures = 0;
      return ajax(config)
        .retryWhen(function (errors) {
          return errors
            .map(function (err) {
              if (!transient(err)) throw err;
              failures += 1;
              if (failures >= 2) connection.lost();
              return err;
            })
            .delay(RETRY_MS);
        })
        .do(function () {
          connection.ok();
        });
    };
  }

  // --- Web Chat -----------------------------------------------------------------------------

  // WCAG 2.2 AA: contrast of at least 4.5:1 for text, 3:1 for focus indicators and borders,
  // text at least 16px. Colours match chat.css.
  var styleOptions = {
    accent: '#1d70b8',
    backgroundColor: '#ffffff',
    subtle: '#484949',
    primaryFont: 'Arial, "Helvetica Neue", Helvetica, sans-serif',
    fontSizeSmall: '100%',
    connectivityTextSize: '100%',
    scrollToEndButtonFontSize: '100%',
    timestampColor: '#484949',
    notificationText: '#484949',
    hideUploadButton: true,
    bubbleBackground: '#f3f2f1',
    bubbleBorderColor: '#b1b4b6',
    bubbleBorderRadius: 4,
    bubbleTextColor: '#0b0c0c',
    bubbleMinWidth: 0,
    bubbleMaxWidth: 640,
    bubbleFromUserBackground: '#1d70b8',
    bubbleFromUserBorderColor: '#1d70b8',
    bubbleFromUserBorderRadius: 4,
    bubbleFromUserTextColor: '#ffffff',
    sendBoxBackground: '#ffffff',
    sendBoxTextColor: '#0b0c0c',
    sendBoxPlaceholderColor: '#484949',
    sendBoxBorderTop: 'solid 2px #b1b4b6',
    sendBoxHeight: 48,
    sendBoxTextWrap: true,
    sendBoxButtonColor: '#1d70b8',
    sendBoxButtonColorOnHover: '#003078',
    sendBoxButtonColorOnFocus: '#0b0c0c',
    sendBoxButtonKeyboardFocusIndicatorBorderColor: '#0b0c0c',
    sendBoxButtonKeyboardFocusIndicatorBorderStyle: 'solid',
    sendBoxButtonKeyboardFocusIndicatorBorderWidth: 3,
    suggestedActionLayout: 'stacked',
    suggestedActionsStackedLayoutButtonTextWrap: true,
    suggestedActionHeight: 44,
    suggestedActionBorderRadius: 4,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d70b8',
    suggestedActionTextColor: '#1d70b8',
    suggestedActionBackgroundColorOnHover: '#f3f2f1',
    suggestedActionTextColorOnHover: '#003078',
    suggestedActionKeyboardFocusIndicatorBorderColor: '#0b0c0c',
    suggestedActionKeyboardFocusIndicatorBorderStyle: 'solid',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 3,
    suggestedActionsVisualKeyboardIndicatorColor: '#0b0c0c',
    suggestedActionsVisualKeyboardIndicatorWidth: 3,
    transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptVisualKeyboardIndicatorStyle: 'solid',
    transcriptVisualKeyboardIndicatorWidth: 3,
    transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
    transcriptActivityVisualKeyboardIndicatorWidth: 3,
    typingAnimationDuration: 20000,
    sendTimeout: SEND_TIMEOUT_MS,
    // A long reply stops scrolling once a page of it has come into view: its first line stays
    // at the top instead of the view jumping to its last button.
    autoScrollSnapOnPage: true,
    autoScrollSnapOnPageOffset: 0,
  };

  // What a screen reader says for the controls.
  var strings = {
    TEXT_INPUT_ALT: 'Your message to the assistant',
    TEXT_INPUT_PLACEHOLDER: 'Type your question',
    TEXT_INPUT_SEND_BUTTON_ALT: 'Send',
    ACTIVITY_BOT_SAID_ALT: 'The assistant said:',
    ACTIVITY_YOU_SAID_ALT: 'You said:',
  };

  function sendBox() {
    return area.querySelector('.webchat__send-box-text-box__input, textarea, input[type="text"]');
  }

  function focusSendBox() {
    var box = sendBox();
    (box || area).focus();
  }

  /** Remembers each answer card's plain text, for "Copy as text". */
  function rememberCopyText(activity) {
    (activity.attachments || []).forEach(function (attachment) {
      var content = attachment && attachment.content;
      if (!content || attachment.contentType !== 'application/vnd.microsoft.card.adaptive' || typeof content.fallbackText !== 'string') return;
      JSON.stringify(content, function (key, value) {
        if (value && typeof value === 'object' && value.action === 'copyAsText' && typeof value.id === 'string') copyTexts[value.id] = content.fallbackText;
        return value;
      });
    });
  }

  /**
   * A new conversation's welcome is long: it is shown from its first line (Web Chat would show
   * its last button), once, unless the person has already scrolled or typed.
   */
  function showWelcomeFromTop() {
    var state = current;
    if (!state || !state.fresh || state.welcomed) return;
    state.welcomed = true;
    var touched = false;
    function onTouch() {
      touched = true;
    }
    ['wheel', 'touchstart', 'keydown', 'mousedown'].forEach(function (type) {
      area.addEventListener(type, onTouch, { once: true, passive: true });
    });
    // For the first ten seconds, whatever Web Chat does as the card draws (it scrolls to the end
    // of anything new, and on a slow phone the card may still be drawing), the view goes back to
    // the welcome's first line: checked on a timer, on every change to the transcript and on every
    // scroll the person did not make (their wheel, touch, key or mouse stops it at once).
    var until = Date.now() + 10000;
    function toTop(force) {
      var scroller = area.querySelector('.webchat__basic-transcript__scrollable');
      if (current !== state || state.sent || touched || Date.now() > until || !scroller) return;
      // Later on a timer, wherever Web Chat stopped (it may stop a page down rather than at the end).
      if (force === true) {
        if (scroller.scrollTop !== 0) scroller.scrollTop = 0;
        return;
      }
      // Only once Web Chat has finished scrolling to the end (resetting it mid-way restarts its
      // scrolling, and the two would take turns): from the end, a move to the top is read as the
      // reader's, and Web Chat stops following the end.
      if (scroller.scrollTop > 0 && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2) scroller.scrollTop = 0;
    }
    var watcher = new MutationObserver(toTop);
    watcher.observe(area, { childList: true, subtree: true });
    area.addEventListener('scroll', toTop, { capture: true, passive: true });
    [0, 700].forEach(function (ms) {
      setTimeout(toTop, ms);
    });
    [1500, 3000, 6000].forEach(function (ms) {
      setTimeout(function () {
        toTop(true);
      }, ms);
    });
    setTimeout(function () {
      watcher.disconnect();
      area.removeEventListener('scroll', toTop, { capture: true });
    }, 10000);
  }

  async function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
    throw new Error('no clipboard');
  }

  function createStore() {
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
            var activity = action.payload.activity;
            if (activity.from && activity.from.role === 'bot') {
              rememberCopyText(activity);
              if (activity.type === 'message') showWelcomeFromTop();
            }
          }
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && current) current.sent = true;
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED' && current && current.directLine) {
            var dl = current.directLine;
            if (dl.conversationId && current.saved.conversationId !== dl.conversationId) {
              current.saved.conversationId = dl.conversationId;
              save(current.saved);
            }
          }
          return next(action);
        };
      };
    });
  }

  // "Copy as text": copied here, in the browser, and said so; the bot is asked only when the
  // browser will not copy (it then shows the text to copy by hand).
  function cardActionMiddleware() {
    return function (next) {
      return function (args) {
        var cardAction = args && args.cardAction;
        var value = cardAction && cardAction.value;
        if (value && value.action === 'copyAsText' && typeof value.id === 'string' && copyTexts[value.id]) {
          copy(copyTexts[value.id]).then(
            function () {
              flashStatus('Copied the answer as text. You can paste it into an email or a note.');
            },
            function () {
              next(args);
            },
          );
          return undefined;
        }
        return next(args);
      };
    };
  }

  function scheduleRefresh(state) {
    clearInterval(state.refreshTimer);
    state.refreshTimer = setInterval(async function () {
      if (current !== state) return clearInterval(state.refreshTimer);
      try {
        var next = await refreshed(state.saved);
        if (!next || current !== state) return;
        state.saved = next;
        // Direct Line's client sends whatever token it holds.
        state.directLine.token = next.token;
        save(next);
      } catch {
        /* tried again next time */
      }
    }, REFRESH_MS);
  }

  function render(saved) {
    var host = document.createElement('div');
    host.className = 'chat-host';
    area.replaceChildren(host);
    var options = { domain: saved.domain, token: saved.token, webSocket: false };
    // Resuming: Direct Line reconnects to the conversation and polls it from the start (the history).
    if (saved.conversationId) options.conversationId = saved.conversationId;
    var directLine = window.WebChat.createDirectLine(options);
    keepTrying(directLine);
    var store = createStore();
    var state = { directLine: directLine, store: store, saved: saved, refreshTimer: 0, fresh: !saved.conversationId, welcomed: false, sent: false };
    current = state;
    save(saved);
    directLine.connectionStatus$.subscribe({
      next: function (status) {
        // 3 ExpiredToken, 4 FailedToConnect, 5 Ended: this conversation cannot go on; start another.
        if (current === state && (status === 3 || status === 4 || status === 5)) {
          startFresh('Your earlier conversation has ended, so a new one has started.');
        }
      },
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        userID: saved.userId || undefined,
        locale: 'en-GB',
        styleOptions: styleOptions,
        overrideLocalizedStrings: strings,
        sendTypingIndicator: false,
        cardActionMiddleware: cardActionMiddleware,
      },
      host,
    );
    scheduleRefresh(state);
    area.setAttribute('aria-busy', 'false');
  }

  function stop() {
    if (!current) return;
    var ending = current;
    // First, so the "Ended" this causes is not taken for the conversation ending by itself.
    current = null;
    clearInterval(ending.refreshTimer);
    try {
      ending.directLine.end();
    } catch {
      /* already ended */
    }
  }

  /**
   * "Start again" ends the old conversation on the server, not only on screen: an endOfConversation
   * activity, on which the built-in endpoint deletes the conversation's messages and the bot its
   * state (Azure's Direct Line passes it on to the bot, or drops it: then it expires). Waited for
   * a few seconds at most: a new conversation never waits on the old one.
   */
  function endOnServer(saved) {
    if (!saved || !saved.conversationId || !saved.token) return Promise.resolve();
    var url = saved.domain + '/conversations/' + encodeURIComponent(saved.conversationId) + '/activities';
    var ending = fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + saved.token },
      credentials: 'omit',
      body: JSON.stringify({ type: 'endOfConversation', from: { id: saved.userId || saved.tokenUserId || 'user', role: 'user' } }),
    }).catch(function () {
      /* the server is away: the conversation expires there instead */
    });
    return Promise.race([ending, wait(5000)]);
  }

  async function startFresh(message, ending) {
    stop();
    forget();
    if (ending) await endOnServer(ending);
    copyTexts = Object.create(null);
    area.setAttribute('aria-busy', 'true');
    var saved = await newConversation();
    render(saved);
    if (message) flashStatus(message);
  }

  async function start() {
    if (!window.WebChat) throw new Error('The Web Chat script did not load.');
    var saved = await loadSaved();
    noteStorage();
    if (saved && saved.expiresAt > Date.now() + 30000) {
      var fresh = await refreshed(saved);
      if (fresh) {
        render(fresh);
        setStatus('', '');
        return;
      }
    }
    await startFresh('');
    setStatus('', '');
  }

  function failed(err) {
    area.setAttribute('aria-busy', 'false');
    setStatus('Sorry, the chat could not start. Please reload the page, or try again later.', 'error');
    console.error('Chat did not start:', err && err.message ? err.message : err);
  }

  // --- What Web Chat draws, made right ---------------------------------------------------------

  // Web Chat logs "received unknown action" for Adaptive Cards' Action.ToggleVisibility (the
  // card's "More" buttons), which Adaptive Cards itself carries out. Only that false alarm is
  // dropped; every other error is logged as before.
  (function quietToggleAlarm() {
    var original = console.error;
    var held = null;
    console.error = function () {
      var args = Array.prototype.slice.call(arguments);
      if (held) {
        var first = held;
        held = null;
        var action = args[0];
        if (args.length === 1 && action && typeof action.getJsonTypeName === 'function' && action.getJsonTypeName() === 'Action.ToggleVisibility') return;
        original.apply(console, first);
      }
      if (args.length === 1 && args[0] === 'Web Chat: received unknown action from Adaptive Cards') {
        held = args;
        return;
      }
      original.apply(console, args);
    };
  })();

  /** A card's show/hide button ("More", "More options") says whether its part is open. */
  function syncExpanded(button) {
    var ids = (button.getAttribute('aria-controls') || '').split(/\s+/).filter(Boolean);
    var target = ids.length ? document.getElementById(ids[0]) : null;
    if (!target) return;
    var open = getComputedStyle(target).display !== 'none';
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function tidy(root) {
    if (wantFocus && sendBox()) {
      wantFocus = false;
      focusSendBox();
    }
    // Links leave the chat in a new tab, never replacing it.
    root.querySelectorAll('a[href]').forEach(function (a) {
      if (!/^https?:/i.test(a.getAttribute('href') || '')) return;
      if (a.target !== '_blank') a.target = '_blank';
      var rel = (a.getAttribute('rel') || '').split(/\s+/);
      if (rel.indexOf('noopener') < 0) a.setAttribute('rel', rel.concat(['noopener', 'noreferrer']).filter(Boolean).join(' '));
    });
    root.querySelectorAll('.ac-adaptiveCard button[aria-controls]').forEach(function (button) {
      if (!button.hasAttribute('aria-expanded')) syncExpanded(button);
    });
    // Adaptive Cards marks the part it shows or hides as expanded; only its button may say so.
    root.querySelectorAll('.ac-adaptiveCard [aria-expanded]:not(button)').forEach(function (el) {
      el.removeAttribute('aria-expanded');
    });
  }

  new MutationObserver(function () {
    tidy(area);
  }).observe(area, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-expanded'] });

  // (Capture: Adaptive Cards stops the click from bubbling.)
  area.addEventListener(
    'click',
    function (event) {
      var button = event.target && event.target.closest && event.target.closest('.ac-adaptiveCard button[aria-controls]');
      if (button) {
        setTimeout(function () {
          syncExpanded(button);
        }, 0);
      }
    },
    true,
  );

  // --- The controls ---------------------------------------------------------------------------

  // "Urgent help" is always there: it sends the words, and the assistant answers with the
  // urgent-help contacts whatever else is going on.
  urgentButton.addEventListener('click', function () {
    if (!current) return;
    // Sent from here: the welcome no longer holds the view at its first line.
    current.sent = true;
    // To the end of the chat first, so the answer comes into view however far up the person was.
    var scroller = area.querySelector('.webchat__basic-transcript__scrollable');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
    current.store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: 'Urgent help', method: 'keyboard' } });
  });

  restartButton.addEventListener('click', function () {
    restartConfirm.hidden = false;
    restartButton.setAttribute('aria-expanded', 'true');
    restartYes.focus();
  });

  function closeConfirm(focusBack) {
    restartConfirm.hidden = true;
    restartButton.setAttribute('aria-expanded', 'false');
    if (focusBack) restartButton.focus();
  }

  restartNo.addEventListener('click', function () {
    closeConfirm(true);
  });

  restartConfirm.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') closeConfirm(true);
  });

  restartYes.addEventListener('click', function () {
    closeConfirm(false);
    startFresh('A new conversation has started.', current && current.saved)
      .then(function () {
        setTimeout(focusSendBox, 300);
      })
      .catch(failed);
  });

  // The skip link goes straight to the message box.
  document.getElementById('skip-link').addEventListener('click', function (event) {
    event.preventDefault();
    focusSendBox();
  });

  // In the embed.js panel: the parent page asks for focus when the panel opens, and is told
  // when Escape is pressed here so it can close the panel.
  if (embedded && window.parent !== window) {
    window.addEventListener('message', function (event) {
      if (event.source === window.parent && event.data === 'sen-support-chat:focus') {
        // The message box may not be drawn yet: then it gets focus when it is.
        if (sendBox()) focusSendBox();
        else wantFocus = true;
      }
    });
    document.addEventListener('keydown', function (event) {
      // Not from inside the chat history: there Escape leaves a message (Web Chat's keyboard model).
      var inHistory = document.activeElement && document.activeElement.closest('.webchat__basic-transcript');
      if (event.key === 'Escape' && restartConfirm.hidden && !inHistory) window.parent.postMessage('sen-support-chat:close', '*');
    });
  }

  area.setAttribute('aria-busy', 'true');
  start().catch(failed);
})();

// The chat page: asks the server how to connect (/api/chat-config), gets a Direct Line token,
// and renders Bot Framework Web Chat (window.WebChat, served from /vendor/webchat.js).
//   mode "local": the server's own Direct Line endpoint (no Azure; only without an app id).
//   mode "azure": Azure's Direct Line, with a token from /api/directline/token (the secret stays on the server).
(function () {
  'use strict';

  var statusEl = document.getElementById('chat-status');
  var area = document.getElementById('chat-area');

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.className = isError ? 'chat-status chat-error' : 'chat-status';
  }

  async function postJson(url) {
    var res = await fetch(url, { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error('HTTP ' + res.status + ' from ' + url);
    return res.json();
  }

  async function connection() {
    var res = await fetch('/api/chat-config', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error('HTTP ' + res.status + ' from /api/chat-config');
    var config = await res.json();
    if (config.mode === 'local') {
      var domain = location.origin + config.directLinePath;
      var local = await postJson(domain + '/tokens/generate');
      // Our local tokens are opaque, so Web Chat is told the user id the server gave.
      return { domain: domain, token: local.token, userId: local.userId };
    }
    if (!config.available) throw new Error('The chat is not set up on this server.');
    var azure = await postJson('/api/directline/token');
    // Azure's token carries the user id, and Web Chat reads it from there.
    return { domain: config.directLineDomain, token: azure.token, userId: undefined };
  }

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
    newMessagesButtonFontSize: '100%',
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

  // The skip link goes straight to the message box.
  document.getElementById('skip-link').addEventListener('click', function (event) {
    var box = sendBox();
    event.preventDefault();
    (box || area).focus();
  });

  async function start() {
    if (!window.WebChat) throw new Error('The Web Chat script did not load.');
    var conn = await connection();
    var directLine = window.WebChat.createDirectLine({ domain: conn.domain, token: conn.token, webSocket: false });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: conn.userId,
        locale: 'en-GB',
        styleOptions: styleOptions,
        overrideLocalizedStrings: strings,
        sendTypingIndicator: false,
      },
      area,
    );
    setStatus('', false);
    area.setAttribute('aria-busy', 'false');
  }

  area.setAttribute('aria-busy', 'true');
  start().catch(function (err) {
    area.setAttribute('aria-busy', 'false');
    setStatus('Sorry, the chat could not start. Please reload the page, or try again later.', true);
    console.error('Chat did not start:', err && err.message ? err.message : err);
  });
})();

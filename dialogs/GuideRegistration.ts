import type { Dialog } from 'botbuilder-dialogs';

/**
 * A guided conversation the root dialog can start: from the welcome and "help" menus,
 * when the user asks to be guided in words its `startPhrases` recognise, or as an offer
 * after one of the answers in `offerAfter`.
 */
export interface GuideRegistration {
  /** The dialog's exported id constant. */
  id: string;
  /** Menu label, e.g. "Check if it's time to ask for an EHC needs assessment". */
  title: string;
  /** Knowledge-base answer ids after which the bot offers this guide. */
  offerAfter: string[];
  /** Words that ask for this guide ("walk me through whether to ask for an EHCP"). */
  startPhrases: RegExp[];
  /** The ComponentDialog itself. */
  dialog: Dialog;
}

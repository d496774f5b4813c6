import type { NewCallbackRequest } from '../../src/callbacks/CallbackRequest';

/** A callback request as the dialog would collect it (07700 900xxx is Ofcom's range for drama). */
export const sample = (over: Partial<NewCallbackRequest> = {}): NewCallbackRequest => ({
  area: 'Trafford',
  name: 'Sam Parent',
  contact: '07700 900123',
  contactKind: 'phone',
  bestTime: 'weekday mornings',
  summary: 'School says no to an EHC needs assessment',
  ...over,
});

/**
 * The national route, for an area with no usable contact and for legal advice. Every fact here
 * is in ../shared/sources/national-facts.md ("National advice services") and the "(national)"
 * rows of ../shared/data/ias-services.csv; tests/directory/contactDetails.test.ts checks that
 * the addresses appear there.
 */
export interface NationalService {
  name: string;
  url: string;
  /** One plain-English line on what it offers. */
  description: string;
}

export interface NationalRoute {
  /** The Council for Disabled Children's IASS Network: the national list of local services. */
  iassNetwork: NationalService;
  /** The council's Local Offer (no address is held: each council publishes its own). */
  localOffer: { councilName?: string; description: string };
  /** IPSEA: free legal advice on SEND law in England. */
  ipsea: NationalService;
}

export const IASS_NETWORK: NationalService = {
  name: 'Council for Disabled Children: IASS Network',
  url: 'https://councilfordisabledchildren.org.uk',
  description: 'keeps the national list of local information, advice and support services',
};

export const IPSEA: NationalService = {
  name: 'IPSEA (Independent Provider of Special Education Advice)',
  url: 'https://www.ipsea.org.uk',
  description: 'free legal advice on SEND law in England; helpline appointments are booked on its website',
};

/** The national route, naming the council whose Local Offer to look at when it is known. */
export function nationalRoute(councilName?: string): NationalRoute {
  return {
    iassNetwork: IASS_NETWORK,
    localOffer: {
      councilName,
      description: councilName
        ? `${councilName}'s Local Offer, its published guide to SEND services in the area`
        : "your council's Local Offer, its published guide to SEND services in the area",
    },
    ipsea: IPSEA,
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { AreaDirectory } from '../../src/directory/AreaDirectory';
import { AreaLoader } from '../../src/directory/AreaLoader';
import { REPORTED_PHONE_NOTE, telLink } from '../../src/directory/ContactDetails';
import type { DeploymentConfig } from '../../src/directory/DeploymentConfig';
import { IASS_NETWORK, IPSEA } from '../../src/directory/nationalRoute';
import { DEFAULT_KNOWLEDGE_DIR, SHARED_DIR } from '../../src/knowledge/paths';

const { areas } = new AreaLoader(DEFAULT_KNOWLEDGE_DIR).load();
const directory = new AreaDirectory(areas);
const area = (name: string) => {
  const a = directory.get(name);
  if (!a) throw new Error(`no area ${name}`);
  return a;
};
const rows = parse(fs.readFileSync(path.join(SHARED_DIR, 'data', 'ias-services.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;

describe('AreaDirectory.contactFor: the contact model', () => {
  it('a verified area (official page): name, phone with a tel: link, email with mailto:, website, all verified; no national route', () => {
    const c = directory.contactFor(area('East Riding of Yorkshire'));
    expect(c.source).to.equal('directory');
    expect(c.reliability).to.equal('official-page');
    expect(c.serviceName).to.match(/SENDIASS/);
    expect(c.phone).to.deep.equal({ display: '01482 396469', tel: 'tel:+441482396469', verified: true });
    expect(c.email).to.deep.equal({ address: 'sendiass@eastriding.gov.uk', mailto: 'mailto:sendiass@eastriding.gov.uk', verified: true });
    expect(c.website?.url).to.equal('http://www.eastridinglocaloffer.org.uk/care-and-support/support-for-parents-carers-and-young-people/sendiass/');
    expect(c.website?.verified).to.equal(true);
    expect(c.hasUsableContact).to.equal(true);
    expect(c.national).to.equal(undefined);
  });

  it('a name-only area: the name, no phone, email or website, and the national route naming the council', () => {
    const c = directory.contactFor(area('Trafford'));
    expect(c.serviceName).to.equal('Trafford SEND Information Advice and Support Service (SENDIASS)');
    expect(c.reliability).to.equal('name-only');
    expect(c).to.not.have.any.keys('phone', 'email', 'website');
    expect(c.hasUsableContact).to.equal(false);
    expect(c.national?.iassNetwork.url).to.equal('https://councilfordisabledchildren.org.uk');
    expect(c.national?.localOffer.councilName).to.equal('Trafford Metropolitan Borough Council');
    expect(c.national?.ipsea.url).to.equal('https://www.ipsea.org.uk');
  });

  it('an unconfirmed name says so (Blackpool)', () => {
    const c = directory.contactFor(area('Blackpool'));
    expect(c.nameConfirmed).to.equal(false);
    expect(c.serviceName).to.equal('Blackpool SENDIASS');
  });

  it('a third-party row: the phone only as "reported; check the website", unverified, with the national route', () => {
    const c = directory.contactFor(area('Leeds'));
    expect(c.phone).to.deep.equal({ display: '0113 378 5020', tel: 'tel:+441133785020', verified: false, note: REPORTED_PHONE_NOTE });
    expect(c.hasUsableContact).to.equal(false);
    expect(c.national).to.not.equal(undefined);
  });

  it('a dated row: name only, never its old phone number (St Helens)', () => {
    const c = directory.contactFor(area('St. Helens'));
    expect(c.serviceName).to.equal('St Helens IASS');
    expect(c.phone).to.equal(undefined);
    expect(JSON.stringify(c)).to.not.include('01744');
    expect(c.national).to.not.equal(undefined);
  });

  it('a name-and-website row: the website is the usable contact (Manchester)', () => {
    const c = directory.contactFor(area('Manchester'));
    expect(c.website).to.deep.equal({ url: 'https://www.iasmanchester.org', verified: true });
    expect(c.phone).to.equal(undefined);
    expect(c.hasUsableContact).to.equal(true);
  });

  it('an area with no row: no service name, says there is none, and gives the national route', () => {
    const c = directory.contactFor(area('Wigan'));
    expect(c.source).to.equal('none');
    expect(c.serviceName).to.equal(undefined);
    expect(c.national?.localOffer.councilName).to.equal('Wigan Metropolitan Borough Council');
  });

  it('an unknown area: the national route only', () => {
    const c = directory.contactFor(undefined);
    expect(c).to.include({ source: 'none', hasUsableContact: false });
    expect(c.national?.localOffer.councilName).to.equal(undefined);
    expect(c.national?.iassNetwork).to.deep.equal(IASS_NETWORK);
  });

  it('never offers a phone number or email that ias-services.csv does not give for that area with a reliability that allows it', () => {
    for (const a of directory.areas) {
      const c = directory.contactFor(a);
      const row = rows.find((r) => r.local_authority.replace('.', '') === a.name.replace('.', ''));
      if (c.phone) {
        expect(row?.phone, a.name).to.equal(c.phone.display);
        expect(row?.reliability, a.name).to.be.oneOf(['official-page', 'third-party']);
        expect(c.phone.verified, a.name).to.equal(row?.reliability === 'official-page');
      }
      if (c.email) {
        expect(row?.email, a.name).to.equal(c.email.address);
        expect(row?.reliability, a.name).to.equal('official-page');
      }
      if (!c.hasUsableContact) expect(c.national, a.name).to.not.equal(undefined);
      for (const note of rows.map((r) => r.notes)) {
        for (const n of note.match(/0\d{2,4} ?\d{3,4} ?\d{3,4}/g) ?? []) {
          // A number in the notes may be shown only when it is also the area's own phone column (checked above).
          if (c.phone?.display !== n) {
            expect(JSON.stringify(c), `${a.name} shows ${n} from the notes column`).to.not.include(n);
          }
        }
      }
    }
  });

  it('the national route is grounded: its addresses are in national-facts.md and ias-services.csv', () => {
    const facts = fs.readFileSync(path.join(SHARED_DIR, 'sources', 'national-facts.md'), 'utf8');
    expect(facts).to.include('councilfordisabledchildren.org.uk');
    expect(facts).to.include('ipsea.org.uk');
    const national = rows.filter((r) => r.local_authority === '(national)').map((r) => r.website);
    expect(national).to.include(IASS_NETWORK.url);
    expect(national).to.include(IPSEA.url);
  });

  it('turns UK numbers into tel: links and refuses what is not one', () => {
    expect(telLink('023 9323 3656')).to.equal('tel:+442393233656');
    expect(telLink('0300 365 1020')).to.equal('tel:+443003651020');
    expect(telLink('+44 161 496 0000')).to.equal('tel:+441614960000');
    expect(telLink('12345')).to.equal(undefined);
  });

  describe("a deployment's own details win for its area", () => {
    const deployment: DeploymentConfig = {
      area: 'Trafford',
      service: { name: 'Trafford SENDIASS', phone: '0161 496 0000', email: 'sendiass@example.org', openingHours: 'Monday to Friday, 9am to 5pm', outOfHoursMessage: 'We are closed now.' },
    };
    const deployed = new AreaDirectory(areas, deployment);

    it('uses them for its area, verified, with opening hours and the out-of-hours message', () => {
      const c = deployed.contactFor(area('Trafford'));
      expect(c.source).to.equal('deployment');
      expect(c.serviceName).to.equal('Trafford SENDIASS');
      expect(c.phone).to.deep.equal({ display: '0161 496 0000', tel: 'tel:+441614960000', verified: true });
      expect(c.email?.mailto).to.equal('mailto:sendiass@example.org');
      expect(c.openingHours).to.equal('Monday to Friday, 9am to 5pm');
      expect(c.outOfHoursMessage).to.equal('We are closed now.');
      expect(c.hasUsableContact).to.equal(true);
      expect(c.national).to.equal(undefined);
    });

    it('leaves other areas as the shipped data has them, and names its default area', () => {
      expect(deployed.contactFor(area('Leeds'))).to.deep.equal(directory.contactFor(area('Leeds')));
      expect(deployed.defaultArea?.name).to.equal('Trafford');
      expect(directory.defaultArea).to.equal(undefined);
    });

    it('keeps shipped fields the deployment does not set (its website from the data)', () => {
      const manchester = new AreaDirectory(areas, { area: 'Manchester', service: { phone: '0161 496 0001' } }).contactFor(area('Manchester'));
      expect(manchester.phone?.display).to.equal('0161 496 0001');
      expect(manchester.website?.url).to.equal('https://www.iasmanchester.org');
      expect(manchester.serviceName).to.equal('IAS Manchester (Information, Advice and Support Manchester)');
    });

    it('refuses a deployment whose area is not in the directory', () => {
      expect(() => new AreaDirectory(areas, { area: 'Narnia', service: { phone: '0161 496 0000' } })).to.throw(/Narnia/);
    });
  });
});

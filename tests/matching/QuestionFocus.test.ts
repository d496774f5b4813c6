import { expect } from 'chai';
import { questionParts, sentencesOf, stripFiller, withoutSelfAge } from '../../src/matching/QuestionFocus';

describe('QuestionFocus: the question inside what people type', () => {
  const filler: Array<[string, string]> = [
    ['hi', ''],
    ['Hello there!', ''],
    ['sorry, what does a SENCO actually do?', 'what does a SENCO actually do?'],
    ['Sorry to bother you, is an EHCP legally binding?', 'is an EHCP legally binding?'],
    ['quick question - who pays for a TA?', 'who pays for a TA?'],
    ['Thanks in advance', ''],
    ['thank you so much for your help', ''],
    ['Hiya, sorry if this is a silly question, what is the local offer', 'what is the local offer'],
    ['I was wondering if the school has to tell me', 'if the school has to tell me'],
    ['ok so what happens at an annual review', 'what happens at an annual review'],
    ['Sorry, basic question: where does the money for his help come from?', 'where does the money for his help come from?'],
    ['probably a silly question but is dyslexia a special need', 'is dyslexia a special need'],
    ['Simple one - does a SENCO have to be a teacher?', 'does a SENCO have to be a teacher?'],
    ['really daft question, sorry, what is an IEP', 'what is an IEP'],
    ['this is probably a stupid question but what does SEN stand for', 'what does SEN stand for'],
    ['bit of a basic one, but how do schools spot a need?', 'how do schools spot a need?'],
    ['sorry for the silly question, who is the senco', 'who is the senco'],
    ['quick question if thats ok, what does APDR stand for', 'what does APDR stand for'],
    ['bit of a basic one sorry, but what is a TA for', 'what is a TA for'],
    ['Can anyone help? What is an EHCP?', 'What is an EHCP?'],
    ['does anyone know what an EHCP is', 'what an EHCP is'],
    ['hope you dont mind me asking, who is the SENCO', 'who is the SENCO'],
    ['Long story short, he was excluded. Can they do that?', 'he was excluded. Can they do that?'],
    ['any advice please', ''],
    ['I hope someone can help', ''],
    ["I don't know who else to ask.", ''],
    ['first time posting', ''],
    ['sorry for rambling', ''],
    ['sorry if this is in the wrong place', ''],
    ['thanks for any advice', ''],
    ['TIA', ''],
  ];
  for (const [input, expected] of filler) {
    it(`strips filler: "${input}"`, () => expect(stripFiller(input)).to.equal(expected));
  }

  it('keeps words that only look like filler', () => {
    expect(stripFiller('right to appeal a decision')).to.equal('right to appeal a decision');
    expect(stripFiller('so many meetings, is that normal?')).to.equal('so many meetings, is that normal?');
    expect(stripFiller('question marks over his reading')).to.equal('question marks over his reading');
    expect(stripFiller('basic skills are what he struggles with')).to.equal('basic skills are what he struggles with');
    expect(stripFiller('a small group for maths, is that sen support?')).to.equal('a small group for maths, is that sen support?');
    expect(stripFiller('a small one to one group for maths, is that sen support?')).to.equal('a small one to one group for maths, is that sen support?');
    // Asking for help with something in particular is the question, not filler.
    for (const q of ['can anyone help him with reading', 'any advice on getting an EHCP', 'help needed with school transport', 'does anyone know if the school can do this', 'can you help me appeal']) expect(stripFiller(q)).to.equal(q);
  });

  it('splits sentences at full stops, question marks and line breaks', () => {
    expect(sentencesOf('He is 9. School say no!\nWhat now?')).to.deep.equal(['He is 9.', 'School say no!', 'What now?']);
  });

  it('a single question is its own focus', () => {
    expect(questionParts('what is sen support?')).to.deep.equal({ whole: 'what is sen support?', focus: 'what is sen support?', sentences: 1 });
  });

  it('drops greeting and thanks sentences around the question', () => {
    const p = questionParts('Hi there. Sorry to bother you. Who is the SENCO? Thanks in advance!');
    expect(p.whole).to.equal('Who is the SENCO?');
    expect(p.sentences).to.equal(1);
  });

  it('in a story, the focus is the last question', () => {
    const p = questionParts(
      'My son is in Year 5 and has been on SEN support since Year 2. His reading age is about six. The school are kind but nothing changes. Should we be asking for an EHC needs assessment now? I just feel stuck.',
    );
    expect(p.focus).to.equal('Should we be asking for an EHC needs assessment now?');
    expect(p.sentences).to.equal(5);
  });

  it('a story with no question mark: the last sentence, and a short question takes the sentence before it', () => {
    expect(questionParts('We have tried everything at home. I do not know where to turn').focus).to.equal('I do not know where to turn');
    expect(questionParts('He has ADHD. The school refused an assessment. What now?').focus).to.equal('The school refused an assessment. What now?');
  });

  it("a young person's own age says who asks, not what about", () => {
    expect(withoutSelfAge("I'm 16, can I ask for an assessment myself?")).to.equal('can I ask for an assessment myself?');
    expect(withoutSelfAge('im 17 and i want to know who the senco is')).to.equal('i want to know who the senco is');
    expect(withoutSelfAge('I am 18 years old - what is SENDIASS')).to.equal('what is SENDIASS');
    // A child's age, or an age that is the question, stays.
    expect(withoutSelfAge('my son is 16, does his plan carry on')).to.equal('my son is 16, does his plan carry on');
    expect(withoutSelfAge("I'm 16")).to.equal("I'm 16");
  });
});

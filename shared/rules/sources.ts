// The five articles the rules come from, by the short id the rule catalogue uses (`source: '004'`). Titles as the
// articles carry them; where a copy had no title line, a descriptive title in brackets.
export type Source = { title: string; about: { zh: string; en: string } };

export const SOURCES: Readonly<Record<string, Source>> = {
  '000': {
    title: '街道积极推进民警副书记作用发挥——依托区域党建引领促进居警工作融合推进基层社区治理',
    about: { zh: '北京西城区什刹海街道：社区民警任社区党委副书记，街道与派出所定期会商', en: 'Shichahai sub-district, Xicheng, Beijing: community officers sit on the community party committee; sub-district and station meet regularly' },
  },
  '001': {
    title: '［做强社区警务，助推“深耕善治”］',
    about: { zh: '基层民警谈社区警务：专职不抽调、不办刑事案件、警务室常驻', en: 'A station officer on community policing: dedicated officers not pulled away, no criminal cases, the community office always staffed' },
  },
  '002': {
    title: '以“四+社区警务”夯实基层基础建设',
    about: { zh: '大连市公安局甘井子分局：一社区一警两辅，社区党组织会议', en: 'Ganjingzi branch, Dalian: one community, one officer, two auxiliaries; community party meetings' },
  },
  '003': {
    title: '玉树：“党建红”引领“警察蓝”绘就城市社区治理幸福新底色',
    about: { zh: '青海玉树：党建引领城市社区警务', en: 'Yushu, Qinghai: party-led urban community policing' },
  },
  '004': {
    title: '［北京市公安局东城分局：做实社区民警专职化，推进“主防”警务提质升级］',
    about: {
      zh: '东城分局的社区警务改革：三班两运转与四班三运转、“四不准”、双正职审批、AB角、每周弹性夜班、会议日历',
      en: 'The Dongcheng branch reform: rotations, the “four nevers”, double-chief approval, A/B roles, the weekly flexible night, the meeting calendar',
    },
  },
};

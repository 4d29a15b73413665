/**
 * Surnames that come first in East Asian names written in their own order ("Shin Won-sik", "Yoon Suk
 * Yeol", "Xi Jinping", "Nguyen Thi Kim Ngan"): Korean, Chinese and Vietnamese. Japanese names in English copy
 * are given-name first and are not listed. Facts, kept as data so that a missing surname is one word here;
 * read by the entities stage (name spans) and its coreference (which end of a name is the surname).
 */
export const EAST_ASIAN_SURNAMES: ReadonlySet<string> = new Set(
  (
    'Kim Lee Park Choi Choe Jung Chung Jeong Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh Shin Sin ' +
    'Kwon Hwang Ahn An Song Yoo Yu Hong Moon Mun Yang Ko Go Bae Baek Paik Heo Hur Nam Noh Roh Ha Kwak Sung ' +
    'Chun Jeon Won Ryu Yoo Woo Min Ban Ri Pak Rhee Hyun Byun Chae Do Ju Joo Ma Ra Seong Tak Uh Wi ' +
    'Wang Li Zhang Liu Chen Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang ' +
    'Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin ' +
    'Qian Xi Wen Tsai Chiang Lien Soong Hsieh Lai Qin Bo Yi Hua Kong Shi Fu Fang Tao Dai Xia Meng Jia Hao ' +
    'Nguyen Tran Le Pham Hoang Phan Vu Vo Dang Bui Ngo Duong Hun Sen'
  ).split(/\s+/),
);

/** A romanised two-syllable given name joined by a hyphen ("Ki-moon", "Jia-rui", "Shui-bian"). */
export const HYPHENATED_GIVEN_NAME = /^\p{Lu}\p{Ll}{1,5}-\p{Ll}{1,6}$/u;

//! Words of a website's navigation bar, and the labels of its metadata.

/// How much a navigation word proves on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Nav {
    /// Page furniture even alone on a line: `首页`, `相关阅读`.
    Strong,
    /// Also ordinary words; furniture only next to other navigation:
    /// `下载 相关 举报`.
    Weak,
}

/// A Chinese navigation word, matched as a whole token.
pub(crate) fn chinese_nav(token: &str) -> Option<Nav> {
    match token {
        "首页" | "网站首页" | "返回首页" | "回到首页" | "搜索" | "站内搜索" | "全站搜索"
        | "相关阅读" | "扩展阅读" | "延伸阅读" | "推荐阅读" | "热门阅读" | "精彩阅读"
        | "相关文章" | "相关推荐" | "相关资源" | "相关搜索" | "相关下载" | "相关专题"
        | "最近更新" | "最新更新" | "最新发布" | "最新文章" | "最新推荐" | "推荐专题"
        | "热门专题" | "猜你喜欢" | "热门文章" | "推荐文章" | "精彩推荐" | "热门推荐"
        | "热门搜索" | "热门标签" | "相关标签" | "编辑推荐" | "本站推荐" | "展开阅读全文"
        | "阅读全文" | "全文阅读" | "查看全文" | "返回顶部" | "回到顶部" | "返回列表"
        | "上一篇" | "下一篇" | "上一页" | "下一页" | "网站地图" | "设为首页" | "加入收藏"
        | "收藏本站" | "联系我们" | "关于我们" | "免费下载" | "下载文档" | "文档下载"
        | "下载本文" | "立即下载" | "点击下载" | "登录" | "注册" | "免费注册" | "用户登录"
        | "会员登录" | "当前位置" | "您的位置" | "友情链接" | "范文大全" | "栏目导航"
        | "网站导航" => Some(Nav::Strong),
        "下载" | "相关" | "举报" | "收藏" | "分享" | "打印" | "评论" | "更多" | "点赞" | "纠错"
        | "复制" | "返回" | "顶部" | "导航" | "投稿" | "手机版" => Some(Nav::Weak),
        _ => None,
    }
}

const ENGLISH_STRONG: &[&str] = &[
    "home",
    "home page",
    "homepage",
    "search",
    "related articles",
    "related reading",
    "related posts",
    "related resources",
    "recommended reading",
    "recommended articles",
    "recommended topics",
    "latest updates",
    "recent updates",
    "recent posts",
    "latest articles",
    "popular articles",
    "hot articles",
    "you may also like",
    "guess you like",
    "read more",
    "read the full text",
    "expand the full text",
    "back to top",
    "previous article",
    "next article",
    "previous page",
    "next page",
    "sitemap",
    "site map",
    "contact us",
    "about us",
    "log in",
    "login",
    "sign in",
    "sign up",
    "free download",
    "download this article",
    "download the document",
    "current location",
];

const ENGLISH_WEAK: &[&str] = &[
    "download",
    "share",
    "print",
    "report",
    "comment",
    "comments",
    "more",
    "collect",
    "favorites",
    "previous",
    "next",
    "tags",
    "like",
    "register",
];

/// An English navigation phrase, matched as a whole segment, any case.
pub(crate) fn english_nav(segment: &str) -> Option<Nav> {
    let is = |list: &[&str]| list.iter().any(|word| word.eq_ignore_ascii_case(segment));
    if is(ENGLISH_STRONG) {
        Some(Nav::Strong)
    } else if is(ENGLISH_WEAK) {
        Some(Nav::Weak)
    } else {
        None
    }
}

/// Labels that open a line listing other articles: `扩展阅读:…`.
pub(crate) const READING_LABELS: &[&str] = &[
    "扩展阅读",
    "延伸阅读",
    "相关阅读",
    "推荐阅读",
    "热门阅读",
    "相关文章",
    "相关推荐",
    "热门推荐",
    "猜你喜欢",
    "相关搜索",
    "热门搜索",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "Related reading",
    "Related articles",
    "Further reading",
    "Extended reading",
    "Recommended reading",
    "Previous article",
    "Next article",
];

/// Labels of a "you are here" line.
pub(crate) const POSITION_LABELS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "你的位置",
    "所在位置",
    "现在位置",
    "Current location",
    "Current position",
    "You are here",
    "Your location",
];

/// What a metadata label proves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    /// Only download sites print it: `上传人:`, `文档编号:`.
    Strong,
    /// Web metadata when its value says so (`格式:DOCX`, `来源:网络整理`),
    /// else only beside other metadata.
    Valued,
    /// Ordinary documents use it too (`时间:`); metadata only beside
    /// other metadata.
    Weak,
}

/// The shape a label's value must have to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Any,
    /// `2019-05-26`, `2019年5月26日`.
    Date,
    /// `网络整理`, `互联网`, a URL.
    Web,
    /// `DOCX`, `pdf`.
    FileFormat,
    /// `18.18KB`.
    FileSize,
    /// `5`.
    Count,
}

/// A metadata label of a web page, Chinese or English (any case).
pub(crate) fn metadata_label(label: &str) -> Option<(Strength, Shape)> {
    use Shape::*;
    use Strength::*;
    let found = match label {
        "上传人" | "上传者" | "上传用户" | "上传时间" | "上传日期" | "文档编号" | "文档格式"
        | "文档大小" | "文档页数" | "文档分类" | "下载次数" | "下载量" | "下载积分" | "下载币"
        | "浏览次数" | "浏览量" | "阅读次数" | "阅读量" | "点击次数" | "点击量" | "点击数"
        | "本文地址" | "本文链接" | "本文网址" | "原文地址" | "原文链接" | "文章来源"
        | "文章出处" | "文章作者" | "责任编辑" | "发布者" | "所属栏目" | "所属分类"
        | "文章标签" | "推荐度" | "更新时间" | "发布时间" => (Strong, Any),
        "格式" => (Valued, FileFormat),
        "大小" => (Valued, FileSize),
        "页数" | "字数" => (Valued, Count),
        "来源" | "出处" => (Valued, Web),
        "时间" | "日期" | "发布日期" | "更新日期" => (Weak, Date),
        "网站" | "网址" | "作者" | "编辑" | "栏目" | "分类" | "标签" | "关键词" | "关键字"
        | "浏览" | "阅读" | "人气" => (Weak, Any),
        _ => return english_metadata_label(label),
    };
    Some(found)
}

fn english_metadata_label(label: &str) -> Option<(Strength, Shape)> {
    use Shape::*;
    use Strength::*;
    const STRONG: &[&str] = &[
        "uploaded by",
        "uploader",
        "upload time",
        "upload date",
        "document number",
        "document no.",
        "downloads",
        "download count",
        "page views",
        "views",
        "original link",
        "original address",
        "article source",
        "this article address",
        "article address",
        "release time",
        "update time",
        "responsible editor",
    ];
    let is = |word: &&str| word.eq_ignore_ascii_case(label);
    if STRONG.iter().any(is) {
        return Some((Strong, Any));
    }
    let among = |list: &[&str]| list.iter().any(is);
    if among(&["format"]) {
        Some((Valued, FileFormat))
    } else if among(&["size", "file size"]) {
        Some((Valued, FileSize))
    } else if among(&["pages", "words"]) {
        Some((Valued, Count))
    } else if among(&["source"]) {
        Some((Valued, Web))
    } else if among(&[
        "time",
        "date",
        "release date",
        "publish time",
        "publish date",
    ]) {
        Some((Weak, Date))
    } else if among(&[
        "website", "author", "editor", "tags", "keywords", "category",
    ]) {
        Some((Weak, Any))
    } else {
        None
    }
}

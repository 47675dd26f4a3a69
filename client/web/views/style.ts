// The only stylesheet, inlined in every page (one round trip on a slow connection) and
// allowed by its hash in the Content-Security-Policy. Colours meet WCAG AA contrast; status
// is always written out, never shown by colour alone.
import { createHash } from 'node:crypto';

export const STYLE = `
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1a1a1a;background:#f4f5f7}
a{color:#0a4a9c}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #c45400;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:.5rem}
header{background:#0b3a6e;color:#fff}header a,header button{color:#fff}
.bar{max-width:72rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.bar .brand{font-weight:700;text-decoration:none;margin-right:auto}
.bar form{display:inline}.bar button{background:none;border:1px solid #fff;border-radius:4px;padding:.2rem .6rem;font:inherit;cursor:pointer;min-height:0}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;line-height:1.3;margin:.25rem 0 1rem}h2{font-size:1.15rem;margin:1.75rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
.card{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:1rem;margin:0 0 1rem}
dl.facts{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:0}dl.facts dt{color:#4a4f57}dl.facts dd{margin:0;font-weight:600}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}.hint{display:block;font-weight:400;color:#4a4f57;font-size:.9rem}
input[type=text],input[type=password],input[type=number],input[type=date],input[type=datetime-local],select,textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #767b83;border-radius:4px;background:#fff;color:#1a1a1a}
textarea{min-height:8rem}input[type=file]{font:inherit;max-width:100%}
button,.button{display:inline-block;font:inherit;font-weight:600;min-height:44px;padding:.55rem 1.1rem;border-radius:4px;border:1px solid #0a4a9c;background:#0a4a9c;color:#fff;cursor:pointer;text-decoration:none;margin-top:.75rem}
button.secondary{background:#fff;color:#0a4a9c}button.danger{background:#9b1c12;border-color:#9b1c12}
.row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.alert{border-left:5px solid #9b1c12;background:#fdecea;padding:.75rem 1rem;margin:0 0 1rem}.alert ul{margin:.25rem 0 0;padding-left:1.2rem}
.notice{border-left:5px solid #0a6b2d;background:#e8f5ec;padding:.75rem 1rem;margin:0 0 1rem}
.info{border-left:5px solid #0a4a9c;background:#e9f0fa;padding:.75rem 1rem;margin:0 0 1rem}
.quote{border-left:4px solid #c45400;background:#fff6ee;padding:.5rem .75rem;margin:.5rem 0;white-space:pre-wrap}
.pre{white-space:pre-wrap;overflow-wrap:anywhere}
.muted{color:#4a4f57;font-size:.9rem}
.ok{color:#0a5a26;font-weight:600}.bad{color:#8c180f;font-weight:600}
.big{font-size:1.6rem;font-weight:700;letter-spacing:.02em;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #d5d9e0;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#eef1f5}
.scroll{overflow-x:auto;max-width:100%}
.matrix td,.matrix th{white-space:nowrap;font-size:.9rem}.matrix th[scope=row]{position:sticky;left:0;background:#fff;z-index:1}
.s{display:inline-block;padding:0 .4rem;border-radius:3px;border:1px solid;font-size:.85rem;font-weight:600;text-decoration:none}
.s-requested{color:#0a4a9c;border-color:#0a4a9c;background:#fff}
.s-not-yet-due{color:#4a4f57;border-color:#9aa0a8;background:#fff}
.s-submitted{color:#5a2d91;border-color:#5a2d91;background:#f3edfa}
.s-late{color:#7a3d00;border-color:#7a3d00;background:#fff1e0}
.s-returned{color:#7a3d00;border-color:#c45400;background:#fff6ee}
.s-accepted{color:#0a5a26;border-color:#0a6b2d;background:#e8f5ec}
.s-overdue{color:#8c180f;border-color:#9b1c12;background:#fdecea}
.s-escalated{color:#fff;border-color:#7d130b;background:#9b1c12}
.s-exempt{color:#4a4f57;border-color:#767b83;background:#eceef1}
.s-unknown{color:#4a4f57;border-color:#9aa0a8}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}.counts li{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:.4rem .7rem}.counts b{font-size:1.2rem;margin-right:.3rem}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600;min-height:44px;padding:.6rem 0}
ol.timeline{list-style:none;padding:0;margin:0}ol.timeline li{border-left:3px solid #d5d9e0;padding:.25rem 0 .5rem .75rem;margin-left:.25rem}ol.timeline time{color:#4a4f57;font-size:.9rem;display:block}
fieldset{border:1px solid #d5d9e0;border-radius:6px;margin:.75rem 0;padding:.25rem .75rem .75rem}legend{font-weight:600;padding:0 .25rem}
.columns label{display:inline-flex;gap:.3rem;font-weight:400;margin:.2rem 1rem .2rem 0;align-items:center}
footer{max-width:72rem;margin:1rem auto;padding:0 1rem 2rem;color:#4a4f57;font-size:.85rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:.25rem 0 .75rem}.legend li{display:inline-flex;align-items:center;gap:.35rem;font-size:.9rem}
figure.chart{margin:0 0 1rem;background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:.75rem}figure.chart svg{display:block;width:100%;max-width:36rem;height:auto}
.big-rate{font-size:1.05rem}.big-rate b{font-size:1.5rem}
article.program h2{margin-top:0}
table.month{table-layout:fixed;min-width:42rem}table.month td{height:4rem}table.month ul{margin:.2rem 0 0;padding-left:1rem;font-size:.85rem}.field-error{display:block;margin:.2rem 0 .4rem}form.inline{display:inline}
@media print{header,footer,.skip,form,.button,details summary{display:none}body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.card,figure.chart{border:0;padding:0;break-inside:avoid}figure.chart{break-inside:avoid}a{color:inherit;text-decoration:none}.scroll{overflow:visible}table{font-size:9pt}}
@media (max-width:40rem){main{padding:.75rem}h1{font-size:1.25rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}}
`.replace(/\n/g, '');

export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

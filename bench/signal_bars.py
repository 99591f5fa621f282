"""The twenty-first round's rule for the learned signal's bars (docs/quality.md, "Held-out-17 and the twenty-first
round"), over bench/ModelScan.java output. For each MODEL name given it reads MODEL-escalation-held-out-16.jsonl.tsv,
MODEL-webshop-cases.jsonl.tsv, MODEL-pub.tsv (CLINC150 test, Bitext and KInIT cases scanned together), MODEL-rev.tsv
(the twenty-first round review's calm and positive lines, escalation-review-21.jsonl) and MODEL-ho14.tsv (held-out-14) from the working directory, and base-ho16.json (main's `eval` report on held-out-16, for the English sarcasm classifier's
decisions); prints the variants that keep the limits (the twenty-second round's too: no more review calm lines and held-out-14
neutral lines flagged than the model named by $REF, default r4f, at the shipped bars), best first (ok, caught by the learned classes alone, model,
anger bar, sarcasm bar, sarcasm in English too, person bar, held-out-16 neutral flagged, web-shop flagged, public
flagged, recall per signal with the rules, review calm flagged, review positives caught, held-out-14 neutral flagged).

    python3 bench/signal_bars.py base trial full c4 r4

The twenty-third round's rule (CHOOSE="16 17"): held-out-16 and held-out-17 together are the choice set (files
MODEL-escalation-held-out-N.jsonl.tsv and base-hoN.json for each N), neutral lines flagged at most anger 2, person 2,
sarcasm 3 per language of 120 (English sarcasm 4, main's English classifier's count) and 15 of 600 overall; the other limits as before.
"""
import json, itertools, collections, sys
models=sys.argv[1:]
import os
CHOOSE=os.environ.get('CHOOSE','16').split()
ensarc={}
for n in CHOOSE:
    ensarc.update({r['id']:'sarcasm' in (r.get('reasons') or []) for r in json.load(open(f'base-ho{n}.json'))['results']})
ROUND23=len(CHOOSE)>1
CAP={'anger':2,'human_request':2,'sarcasm':3} if ROUND23 else None
def load(p): return [l.rstrip('\n').split('\t') for l in open(p)]
def decide(r, a, s, sall, pb, rep):
    f,id_,lang,exp,reason,rA,rH,rS,men,askb,qb,sA,sH,sS,tA,tH,tS,text=r
    sA,sH,sS,tA,tH,tS=map(float,(sA,sH,sS,tA,tH,tS))
    mA = sA>=a and sA>=tA
    mH = sH>=max(tH,pb) and men=='1' and askb=='0'
    mS = s is not None and (lang!='en' or sall) and sS>=s and qb=='0'
    sar = (ensarc.get(id_,False) if (lang=='en' and rep) else rS=='1') or mS
    return {'anger':rA=='1' or mA,'human_request':rH=='1' or mH,'sarcasm':sar}, {'anger':mA or (sA>=a and sA>=tA),'human_request':mH,'sarcasm':s is not None and sS>=s and qb=='0'}
def extra(m,a,s_,sall,pb):
    rev=load(f'{m}-rev.tsv'); h14=load(f'{m}-ho14.tsv')
    rf=sum(any(decide(r,a,s_,sall,pb,False)[0].values()) for r in rev if r[3]!='handover')
    rt=sum(decide(r,a,s_,sall,pb,False)[0].get(r[4],False) for r in rev if r[3]=='handover')
    hf=sum(any(decide(r,a,s_,sall,pb,False)[0].values()) for r in h14 if r[3]!='handover')
    return rf,rt,hf
REF=os.environ.get('REF','r4f')  # the shipped model's scans: the review and held-out-14 limits are its counts
# the bars shipped with REF (anger, sarcasm, sarcasm in English too, person); the twenty-fourth round's rule sets
# SHIPPED="0.5 0.8 0 0.8" (the bars since the twenty-third round's model)
SB=[float(x) for x in os.environ.get('SHIPPED','0.6 0.5 0 0.7').split()]
SB[2]=int(SB[2])
BASE=extra(REF,*SB)
print(REF, 'at the shipped bars: review calm flagged, review pos caught, ho14 neutral flagged =',BASE)
res=[]
for m in models:
    ho=[r for n in CHOOSE for r in load(f'{m}-escalation-held-out-{n}.jsonl.tsv')]; ws=load(f'{m}-webshop-cases.jsonl.tsv'); pub=load(f'{m}-pub.tsv')
    for a,s,sall,pb in itertools.product([0.5,0.6,0.7,0.8],[None,0.5,0.6,0.7,0.8],[0,1],[0,0.5,0.6,0.7,0.8]):
        if s is None and sall: continue
        ok=True; neu=0; per=collections.Counter(); alone=0; comb=collections.Counter()
        for r in ho:
            d,al=decide(r,a,s,sall,pb,True)
            if r[3]=='handover':
                alone+=al[r[4]]; comb[r[4]]+=d[r[4]]
            else:
                neu+=any(d.values())
                for k,v in d.items(): per[(r[2],k)]+=v
        if neu>(15 if ROUND23 else 6): ok=False
        for (L,k),v in per.items():
            if v>((4 if (L=='en' and k=='sarcasm') else CAP[k]) if ROUND23 else 2 if (L=='en' and k=='sarcasm') else 1): ok=False
        wsf=sum(any(decide(r,a,s,sall,pb,False)[0].values()) for r in ws if r[3]!='handover')
        if wsf>1: ok=False
        pf=sum(any(decide(r,a,s,sall,pb,False)[0].values()) for r in pub if r[3]!='handover')
        if pf>56: ok=False
        if ok:
            rf,rt,hf=extra(m,a,s,sall,pb)
            if rf>BASE[0] or hf>BASE[2]: ok=False
        else: rf=rt=hf=None
        res.append((ok,alone,m,a,s,sall,pb,neu,wsf,pf,dict(comb),rf,rt,hf))
res.sort(key=lambda x:(x[0],x[1]),reverse=True)
for x in res[:25]: print(x)
print('shipped:', [x for x in res if x[2]==REF and x[3]==SB[0] and x[4]==SB[1] and x[5]==SB[2] and x[6]==SB[3]])

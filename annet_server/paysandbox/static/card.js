(function(){
  var f=document.getElementById('cardform'); if(!f) return;
  var now=f.getAttribute('data-now').split('-'); var ny=+now[0], nm=+now[1];
  var num=f.elements['number'], exp=f.elements['expiry'], hol=f.elements['holder'], cvc=f.elements['cvc'];
  var pay=document.getElementById('pay');
  function luhn(d){var s=0;for(var i=0;i<d.length;i++){var x=+d[d.length-1-i];if(i%2){x*=2;if(x>9)x-=9;}s+=x;}return s%10===0;}
  function vNum(){var d=num.value.replace(/[ -]/g,'');return /^[0-9]{16}$/.test(d)&&luhn(d);}
  function vExp(){var m=/^\s*([0-9]{2})\s*\/\s*([0-9]{2})\s*$/.exec(exp.value);if(!m)return false;
    var mo=+m[1],y=2000+(+m[2]);if(mo<1||mo>12)return false;if(y<ny||(y===ny&&mo<nm))return false;return y<=ny+20;}
  function vHol(){var n=hol.value.trim().replace(/\s+/g,' ');return /^[A-Za-z][A-Za-z .'\-]{0,24}[A-Za-z]$/.test(n);}
  function vCvc(){return /^[0-9]{3}$/.test(cvc.value.trim());}
  function mark(el,ok){if(!el.value){el.classList.remove('ok');el.classList.remove('bad');return;}
    el.classList.toggle('ok',ok);el.classList.toggle('bad',!ok);}
  function fmtNum(){var d=num.value.replace(/[^0-9]/g,'').slice(0,16);var g=d.replace(/(.{4})(?=.)/g,'$1 ');if(g!==num.value)num.value=g;}
  function fmtExp(){var d=exp.value.replace(/[^0-9]/g,'').slice(0,4);var v=d.length>2?d.slice(0,2)+'/'+d.slice(2):d;if(v!==exp.value&&!(exp.value.length===3&&exp.value[2]==='/'))exp.value=v;}
  function check(){var a=vNum(),b=vExp(),c=vHol(),e=vCvc();mark(num,a);mark(exp,b);mark(hol,c);mark(cvc,e);
    pay.disabled=!(a&&b&&c&&e);return !pay.disabled;}
  num.addEventListener('input',function(){fmtNum();check();});
  exp.addEventListener('input',function(){fmtExp();check();});
  hol.addEventListener('input',function(){var u=hol.value.toUpperCase();if(u!==hol.value)hol.value=u;check();});
  cvc.addEventListener('input',check);
  f.addEventListener('submit',function(ev){if(!check())ev.preventDefault();else pay.disabled=true;});
  window.sandboxCheck=check; check();
})();
